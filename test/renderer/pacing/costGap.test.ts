import { describe, expect, it } from 'vitest';
import { costGap } from '../../../src/renderer/src/pacing/costGap';

describe('costGap: cheap → 0, else ratio × cost, clamped', () => {
  const gap = costGap({ cheapMs: 2, ratio: 10, minMs: 50, maxMs: 300 });

  it('follows at once just under the cheap threshold, waits from it on', () => {
    expect(gap(0)).toBe(0);
    expect(gap(1.999)).toBe(0);
    expect(gap(2)).toBe(50); // 20, raised to the floor
  });

  it('waits ratio × cost between the floor and the ceiling', () => {
    expect(gap(5)).toBe(50);
    expect(gap(12)).toBe(120);
    expect(gap(30)).toBe(300);
    expect(gap(1e6)).toBe(300);
  });

  it('without a cheap threshold, even free work waits the floor', () => {
    expect(costGap({ cheapMs: 0, ratio: 40, minMs: 500, maxMs: 2000 })(0)).toBe(500);
    expect(costGap({ cheapMs: 0, ratio: 2, minMs: 0, maxMs: Infinity })(1000)).toBe(2000);
  });
});
