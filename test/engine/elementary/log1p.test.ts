import { describe, expect, it } from 'vitest';
import { expm1, log1p } from '../../../src/engine/elementary';
import { expectWithinUlps, nearDoubles, powersOfTwo, randomBits, uniform } from './samples';

// log1p (fdlibm's s_log1p.c) carries softplus and the cross-entropy loss: ln(1 + x) must keep x's
// bits where 1 + x would round them away.

describe('log1p', () => {
  it('handles the special values exactly', () => {
    expect(Object.is(log1p(0), 0)).toBe(true);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(Infinity)).toBe(Infinity);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-1.5)).toBeNaN();
    expect(log1p(-Infinity)).toBeNaN();
    expect(log1p(NaN)).toBeNaN();
    expect(log1p(1e-300)).toBe(1e-300); // tiny x: ln(1 + x) = x, not 0
    expect(log1p(5e-324)).toBe(5e-324);
    expect(log1p(1)).toBe(Math.LN2);
    expect(log1p(Number.MAX_VALUE)).toBeCloseTo(709.782712893384, 12);
  });

  it('is within 1 ulp of Math.log1p over a million arguments, every reduction branch', () => {
    expectWithinUlps(log1p, Math.log1p, uniform(300_000, -0.999999, 3, 21), 1); // k = 0, ±1, and the √2 thresholds
    expectWithinUlps(log1p, Math.log1p, uniform(200_000, -1e-6, 1e-6, 22), 1); // |f| < 2^−20 and tiny x
    expectWithinUlps(log1p, Math.log1p, uniform(200_000, 3, 1e300, 23), 1); // large k, and x > 2^53 (no correction)
    expectWithinUlps(log1p, Math.log1p, randomBits(400_000, 24), 1);
    expectWithinUlps(log1p, Math.log1p, powersOfTwo(), 1);
    expectWithinUlps(log1p, Math.log1p, [...nearDoubles(Math.SQRT2 - 1, 50), ...nearDoubles(Math.SQRT1_2 - 1, 50), ...nearDoubles(-0.5, 50)], 1);
  });

  it('undoes expm1: log1p(expm1(x)) = x to within 2 ulps', () => {
    for (const x of uniform(20_000, -0.5, 700, 25)) {
      const back = log1p(expm1(x));
      expect(Math.abs(back - x)).toBeLessThanOrEqual(4.5e-16 * Math.max(Math.abs(x), 1e-300));
    }
  });
});
