import { describe, expect, it } from 'vitest';
import { ShowPace } from '../../../src/renderer/src/pacing/showPace';
import { SHOW } from '../../../src/renderer/src/pacing/constants';

/** the controller's two moments, with a fake clock: the frame that shows a snapshot, then the measurement after it */
function show(pace: ShowPace, frameAt: number, cost: number): { atOnce: boolean; heardAt: number } {
  const atOnce = pace.atOnce();
  const measuredAt = frameAt + cost;
  pace.observe(cost, measuredAt);
  return { atOnce, heardAt: atOnce ? frameAt : measuredAt + pace.wait(measuredAt) };
}

describe('when the worker hears a snapshot was shown (a)', () => {
  it('at the frame itself while showing one costs up to a frame (small graphs: a snapshot every frame or two)', () => {
    const pace = new ShowPace();
    let t = 0;
    for (let i = 0; i < 50; i++, t += 16.7) expect(show(pace, t, 4)).toEqual({ atOnce: true, heardAt: t });
  });

  it('at the budget exactly still at once; over it, twice the cost after the measurement', () => {
    const pace = new ShowPace();
    for (let i = 0; i < 200; i++) pace.observe(SHOW.budgetMs, i);
    expect(pace.atOnce()).toBe(true);
    for (let i = 0; i < 200; i++) pace.observe(40, 1000);
    expect(pace.atOnce()).toBe(false);
    expect(pace.wait(1000)).toBeCloseTo(80, 6);
    expect(pace.wait(1050)).toBeCloseTo(30, 6);
    expect(pace.wait(1100)).toBe(0);
  });

  it('so costly snapshots take at most a third of the main thread', () => {
    const pace = new ShowPace();
    let t = 0;
    let busy = 0;
    for (let i = 0; i < 100; i++) {
      const { heardAt } = show(pace, t, 30);
      busy += 30;
      t = heardAt + 5; // the next snapshot arrives a little after the worker heard
    }
    expect(busy / t).toBeLessThan(0.36);
    expect(busy / t).toBeGreaterThan(0.3);
  });

  it('believes a new cost slowly (one slow frame does not hold training back) and forgets it on reset', () => {
    const pace = new ShowPace();
    pace.observe(60, 0); // 0.25 × 60 = 15: still within a frame
    expect(pace.atOnce()).toBe(true);
    pace.observe(60, 1);
    expect(pace.atOnce()).toBe(false);
    pace.reset();
    expect(pace.atOnce()).toBe(true);
    expect(pace.wait(0)).toBe(0);
  });
});
