import { describe, expect, it } from 'vitest';
import { expm1 } from '../../../src/engine/elementary';
import { expm1Ratio, isFaithful, roundRatio } from './reference';
import { expectWithinUlps, powersOfTwo, randomBits, uniform } from './samples';

// expm1 (fdlibm's s_expm1.c) carries tanh; e^x − 1 must keep its bits where 1 would swallow them.

describe('expm1', () => {
  it('handles the special values exactly', () => {
    expect(Object.is(expm1(0), 0)).toBe(true);
    expect(Object.is(expm1(-0), -0)).toBe(true);
    expect(expm1(Infinity)).toBe(Infinity);
    expect(expm1(-Infinity)).toBe(-1);
    expect(expm1(NaN)).toBeNaN();
    expect(expm1(710)).toBe(Infinity);
    expect(expm1(-40)).toBe(-1); // below −56·ln2 as well as just above it
    expect(expm1(-1000)).toBe(-1);
    expect(expm1(1e-300)).toBe(1e-300); // tiny x: e^x − 1 = x, not 0
    expect(expm1(5e-324)).toBe(5e-324);
  });

  it('is within 1 ulp of Math.expm1 over a million random arguments, every reduction branch', () => {
    expectWithinUlps(expm1, Math.expm1, uniform(400_000, -45, 710, 7), 1);
    expectWithinUlps(expm1, Math.expm1, uniform(300_000, -2.5, 2.5, 8), 1); // k = 0, ±1, ±2, ±3
    expectWithinUlps(expm1, Math.expm1, uniform(300_000, 13, 45, 9), 1); // k from 20 to 56
    expectWithinUlps(expm1, Math.expm1, randomBits(500_000, 10), 1);
    expectWithinUlps(expm1, Math.expm1, powersOfTwo(), 1);
  });

  it('is within 1 ulp of the true value, without cancellation near 0', () => {
    const points = [
      ...uniform(200, -40, 709.7, 11),
      ...uniform(100, -1.1, 1.1, 12),
      ...uniform(50, -1e-6, 1e-6, 13),
      ...[2 ** -54, -(2 ** -54), 2 ** -53, 1e-17, -0.25, 0.5 * Math.LN2, 56 * Math.LN2, -56 * Math.LN2, 14, 39],
    ];
    for (const x of points) {
      const exact = expm1Ratio(x);
      const ours = expm1(x);
      if (!isFaithful(exact, ours)) expect.fail(`expm1(${x}) = ${ours}, not within 1 ulp of ${roundRatio(exact)}`);
    }
  });
});
