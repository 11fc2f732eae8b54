import { describe, expect, it } from 'vitest';
import { expRatio, isFaithful, ratioOf, roundRatio, ulpError, ulpsApart } from './reference';

// The reference the elementary tests lean on must itself be right: rounding, ulps and a few
// values known to every table.

describe('high-precision reference', () => {
  it('rounds ratios to the nearest double, ties to even, subnormals included', () => {
    expect(roundRatio({ num: 1n, den: 3n })).toBe(1 / 3);
    expect(roundRatio({ num: -2n, den: 7n })).toBe(-2 / 7);
    expect(roundRatio({ num: (1n << 53n) + 1n, den: 1n })).toBe(2 ** 53); // tie → even
    expect(roundRatio({ num: (1n << 53n) + 3n, den: 1n })).toBe(2 ** 53 + 4); // tie → even
    expect(roundRatio({ num: 1n, den: 1n << 1074n })).toBe(5e-324);
    expect(roundRatio({ num: 1n, den: 1n << 1076n })).toBe(0);
    expect(roundRatio({ num: 3n, den: 1n << 1076n })).toBe(5e-324);
    for (const x of [0.1, -123.456, 1e300, 2.2250738585072014e-308, 1e-310]) expect(roundRatio(ratioOf(x))).toBe(x);
  });

  it('computes e^x to far beyond double precision', () => {
    expect(roundRatio(expRatio(1))).toBe(Math.E);
    expect(roundRatio(expRatio(Math.LN2))).toBe(2); // ln2's double is a hair below ln 2
    expect(roundRatio(expRatio(-1))).toBe(0.36787944117144233);
    expect(roundRatio(expRatio(10))).toBe(22026.465794806718);
  });

  it('measures ulps and faithfulness', () => {
    expect(ulpsApart(1, 1 + Number.EPSILON)).toBe(1);
    expect(ulpsApart(-5e-324, 5e-324)).toBe(2);
    expect(isFaithful(expRatio(1), 2.7182818284590455)).toBe(true);
    expect(isFaithful(expRatio(1), 2.718281828459046)).toBe(false);
    const e = ulpError(expRatio(1), Math.E); // e − Math.E ≈ 1.4456e−16, ulp 2^−51
    expect(e).toBeGreaterThan(0.3);
    expect(e).toBeLessThan(0.35);
    expect(ulpError(expRatio(1), 2.7182818284590455)).toBeCloseTo(1 - e, 12);
  });
});
