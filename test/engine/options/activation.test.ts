// The new activations: σ against the naive formulas, σ' against finite differences of the engine's
// own σ, the stated values at the kinks, and softplus where ln(1 + e^s) would overflow or round to 0.

import { describe, expect, it } from 'vitest';
import { activate, activateDerivative, ACTIVATION_CODE, lowTarget, midpoint, softplus, type Activation } from '../../../src/engine';
import { expectClose } from '../helpers';
import { naiveSigma, naiveSigmaPrime } from '../reference';

const NEW: Activation[] = ['leakyRelu', 'elu', 'softplus', 'hardSigmoid'];
const POINTS = Array.from({ length: 401 }, (_, i) => -10 + i * 0.05 + 0.0123); // never exactly on a kink

const sigma = (act: Activation, s: number) => activate(ACTIVATION_CODE[act], s);
const sigmaPrime = (act: Activation, s: number) => activateDerivative(ACTIVATION_CODE[act], s, sigma(act, s));

describe.each(NEW)('%s', (act) => {
  it('σ is the naive formula and σ′ its derivative (naive and centred differences)', () => {
    for (const s of POINTS) {
      expectClose(sigma(act, s), naiveSigma(act, s), 1e-14);
      expectClose(sigmaPrime(act, s), naiveSigmaPrime(act, s), 1e-14);
      const h = 1e-6;
      const numeric = (sigma(act, s + h) - sigma(act, s - h)) / (2 * h);
      expectClose(sigmaPrime(act, s), numeric, 1e-8);
    }
  });
});

describe('values the spec states', () => {
  it('at the kinks σ′ takes the left-hand slope', () => {
    expect(sigmaPrime('leakyRelu', 0)).toBe(0.01);
    expect(sigma('leakyRelu', -2)).toBe(-0.02);
    expect(sigmaPrime('elu', 0)).toBe(1);
    expect(sigmaPrime('hardSigmoid', 2.5)).toBe(0);
    expect(sigmaPrime('hardSigmoid', -2.5)).toBe(0);
    expect(sigmaPrime('hardSigmoid', 0)).toBe(0.2);
    expect(sigma('hardSigmoid', 3)).toBe(1);
    expect(sigma('hardSigmoid', -3)).toBe(0);
    expect(sigma('elu', -1e6)).toBe(-1);
  });

  it('softplus neither overflows nor loses small values', () => {
    expect(softplus(1000)).toBe(1000);
    expectClose(softplus(-50), Math.exp(-50), 1e-15);
    expect(softplus(-800)).toBe(0);
    expect(softplus(0)).toBe(Math.LN2);
  });

  it('low targets and midpoints: 0 / 0.5 for the non-negative ones, −1 / 0 for those reaching below 0', () => {
    expect(NEW.map((a) => [lowTarget(ACTIVATION_CODE[a]), midpoint(ACTIVATION_CODE[a])])).toEqual([
      [0, 0.5],
      [-1, 0],
      [0, 0.5],
      [0, 0.5],
    ]);
  });
});
