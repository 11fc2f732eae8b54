import { describe, expect, it } from 'vitest';
import { EXP_OVERFLOW_THRESHOLD, EXP_UNDERFLOW_THRESHOLD, exp } from '../../../src/engine/elementary';
import { expRatio, isFaithful, roundRatio } from './reference';
import { expectWithinUlps, nextDown, nextUp, powersOfTwo, randomBits, uniform } from './samples';

// exp is fdlibm's e_exp.c in plain double arithmetic, so it gives the same bits in every runtime.
// It must agree with the host's Math.exp to 1 ulp (V8's is also fdlibm-derived, but other hosts
// round differently), and be within 1 ulp of the true value (fdlibm's documented bound), which an
// independent BigInt series computes here.

describe('exp', () => {
  it('handles the special values exactly', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Infinity)).toBe(Infinity);
    expect(Object.is(exp(-Infinity), 0)).toBe(true);
    expect(exp(NaN)).toBeNaN();
    // fdlibm's e^1 is one ulp above Math.E (the correctly rounded e): within its < 1 ulp bound
    expect(exp(1)).toBe(2.7182818284590455);
    expect(exp(-1)).toBe(0.36787944117144233);
    expect(exp(5e-324)).toBe(1);
    expect(exp(-5e-324)).toBe(1);
  });

  it('overflows to +Infinity just above 709.78 and underflows to +0 just below −745.13', () => {
    expect(exp(EXP_OVERFLOW_THRESHOLD)).toBe(1.7976931348622732e308);
    expect(exp(nextUp(EXP_OVERFLOW_THRESHOLD))).toBe(Infinity);
    expect(exp(1e308)).toBe(Infinity);
    expect(exp(EXP_UNDERFLOW_THRESHOLD)).toBe(5e-324);
    expect(Object.is(exp(-nextUp(-EXP_UNDERFLOW_THRESHOLD)), 0)).toBe(true);
    expect(Object.is(exp(-1e308), 0)).toBe(true);
    expect(exp(-708.5)).toBeGreaterThan(0); // gradual underflow: subnormal results
    expect(exp(-708.5)).toBeLessThan(2 ** -1022);
  });

  it('is within 1 ulp of Math.exp over a million random arguments across its range', () => {
    expectWithinUlps(exp, Math.exp, uniform(1_000_000, -746, 710, 1), 1);
  });

  it('is within 1 ulp of Math.exp near 0, where the reduction is skipped, and at random bit patterns', () => {
    expectWithinUlps(exp, Math.exp, uniform(500_000, -0.5, 0.5, 2), 1);
    expectWithinUlps(exp, Math.exp, randomBits(500_000, 3), 1);
    expectWithinUlps(exp, Math.exp, powersOfTwo(), 1);
  });

  it('is within 1 ulp of the true value at every point, and correctly rounded at most', () => {
    const points = [
      ...uniform(300, -745.2, 709.8, 4),
      ...uniform(100, -1.1, 1.1, 5), // the k = 0 and k = ±1 reductions
      ...uniform(50, -745.2, -708, 6), // subnormal results
      ...[-745.1332191019411, -745.13, -708.4, -708.3964185322641, 709.78, nextDown(EXP_OVERFLOW_THRESHOLD)],
      ...[2 ** -28, -(2 ** -28), 2 ** -29, 0.5 * Math.LN2, 1.5 * Math.LN2, 1e-20, -1e-300, 100, -100],
    ];
    let rounded = 0;
    for (const x of points) {
      const exact = expRatio(x);
      const ours = exp(x);
      if (!isFaithful(exact, ours)) expect.fail(`exp(${x}) = ${ours}, not within 1 ulp of ${roundRatio(exact)}`);
      if (ours === roundRatio(exact)) rounded++;
    }
    // fdlibm is not correctly rounded: about 1 result in 10 is the true value's other neighbour
    // (which is why hosts with a correctly rounded exp, like recent Chromium, disagree with Node)
    expect(rounded / points.length).toBeGreaterThan(0.85);
  });
});
