import { describe, expect, it } from 'vitest';
import { MovingAverage } from '../../../src/renderer/src/pacing/movingAverage';

describe('MovingAverage', () => {
  it('from zero: blends even the first measurement in (a cost is cheap until it proves otherwise)', () => {
    const a = new MovingAverage(0.25);
    a.add(40);
    expect(a.value).toBe(10);
    a.add(40);
    expect(a.value).toBe(17.5);
    for (let i = 0; i < 100; i++) a.add(40);
    expect(a.value).toBeCloseTo(40, 9);
  });

  it('from the first: takes the first measurement whole, then blends', () => {
    const a = new MovingAverage(0.3, 'first');
    a.add(10);
    expect(a.value).toBe(10);
    a.add(20);
    expect(a.value).toBe(13);
    a.reset();
    a.add(5);
    expect(a.value).toBe(5);
  });

  it('with weight 1 is the last measurement alone', () => {
    const a = new MovingAverage(1);
    for (const v of [3, 0.1, 400, 0.1]) { // 3 + (0.1 − 3) is not 0.1 in doubles
      a.add(v);
      expect(a.value).toBe(v);
    }
  });

  it('ignores measurements that are not costs (negative, NaN), and refuses a weight outside (0, 1]', () => {
    const a = new MovingAverage(0.5);
    a.add(8);
    a.add(-3);
    a.add(NaN);
    expect(a.value).toBe(4);
    for (const w of [0, -0.1, 1.5, NaN]) expect(() => new MovingAverage(w)).toThrow(/weight must be in \(0, 1\]/);
  });
});
