import { describe, expect, it } from 'vitest';
import { Starvation } from '../../../src/renderer/src/pacing/starvation';
import { STARVED } from '../../../src/renderer/src/pacing/constants';

/** `count` frames `interval` ms apart from `t0`; the time after the last */
function frames(s: Starvation, t0: number, count: number, interval: number): number {
  let t = t0;
  for (let i = 0; i < count; i++) s.observe(interval, (t += interval));
  return t;
}

describe('Starvation', () => {
  it('is not starved while frames come on time', () => {
    const s = new Starvation();
    frames(s, 0, 200, 16.7);
    expect(s.starved).toBe(false);
  });

  it('is not starved by the jitter of a frame callback’s clock (16–18 ms intervals of frames that all came on time)', () => {
    const s = new Starvation();
    let t = 0;
    for (let i = 0; i < 300; i++) s.observe(i % 2 === 0 ? 17.6 : 15.8, (t += 16.7));
    expect(s.starved).toBe(false);
  });

  it('is starved once over a quarter of recent frames are late, and fed again once they come on time', () => {
    const s = new Starvation();
    let t = frames(s, 0, 2, 40); // 1 − 0.9² = 0.19 late: not yet
    expect(s.starved).toBe(false);
    t = frames(s, t, 1, 40); // 0.27
    expect(s.starved).toBe(true);
    frames(s, t, 35, 16); // the late share falls to 0.27 · 0.9³⁵ ≈ 0.007, and over 0.5 s have passed
    expect(s.starved).toBe(false);
  });

  it('holds a decision half a second: a run of on-time frames just after starving does not end it', () => {
    const s = new Starvation();
    let t = frames(s, 0, 3, 40); // starved at the third
    expect(s.starved).toBe(true);
    const since = t;
    t = frames(s, t, 25, 16); // 400 ms of frames on time
    expect(t - since).toBeLessThan(500);
    expect(s.starved).toBe(true);
    frames(s, t, 10, 16); // past the hold, and the late share is low
    expect(s.starved).toBe(false);
  });

  it('keeps what it does between the thresholds (no flipping on every late frame)', () => {
    const s = new Starvation();
    let t = frames(s, 0, 10, 40);
    expect(s.starved).toBe(true);
    // one late frame in ten keeps the share near 0.1: above 0.05, so still starved
    for (let i = 0; i < 10; i++) t = frames(s, frames(s, t, 9, 16), 1, 40);
    expect(s.starved).toBe(true);
    s.reset();
    expect(s.starved).toBe(false);
  });

  it('rests longer for every half second the page stays starved, and starts over once fed', () => {
    const s = new Starvation();
    expect(s.restMs).toBe(0);
    let t = frames(s, 0, 3, 40); // starved at the third
    expect(s.restMs).toBe(STARVED.restMs[0]);
    const rests = [s.restMs];
    for (let i = 0; i < 40; i++) {
      t = frames(s, t, 1, 40);
      if (s.restMs !== rests.at(-1)) rests.push(s.restMs);
    }
    expect(rests).toEqual([...STARVED.restMs]); // 1.6 s of late frames: every step, once each, none past the last
    t = frames(s, t, 40, 16); // fed
    expect(s.restMs).toBe(0);
    t = frames(s, t, 40, 16); // past the hold
    frames(s, t, 3, 40);
    expect(s.restMs).toBe(STARVED.restMs[0]);
  });

  it('does not grow the rest while the late share is falling below a quarter (the rest is working)', () => {
    const s = new Starvation();
    let t = frames(s, 0, 3, 40);
    // one late frame in six: the share settles near 0.17, under a quarter, over the 0.05 that ends it
    for (let i = 0; i < 20; i++) t = frames(s, frames(s, t, 5, 16), 1, 40);
    expect(s.starved).toBe(true);
    expect(s.restMs).toBe(STARVED.restMs[0]);
  });
});
