import { describe, expect, it } from 'vitest';
import { checkAnswer, diagnose, parseAnswer, signOf, toleranceOf } from '../../../src/engine/predict';
import { skipDag, tutorial, worked } from './nets';

describe('checkAnswer: right within 0.5% of the largest number in the formula', () => {
  const { all } = worked(tutorial());
  const skip = worked(skipDag()).all;

  it.each([
    ['2-5-1', all],
    ['skip DAG', skip],
  ])('%s: every quantity accepts its value, its value to 4 significant digits, and 0.4% of its scale off; refuses 0.6% off', (_, quantities) => {
    for (const q of quantities) {
      expect(checkAnswer(q, q.value).right, q.key).toBe(true);
      expect(checkAnswer(q, Number(q.value.toPrecision(4))).right, q.key).toBe(true);
      if (q.kind === 'update') continue;
      const scale = Math.max(Math.abs(q.value), q.scale);
      expect(checkAnswer(q, q.value + 0.004 * scale).right, q.key).toBe(true);
      expect(checkAnswer(q, q.value - 0.006 * scale).right, q.key).toBe(false);
      expect(diagnose(q, q.value + 0.004 * scale).kind).toBe('right');
    }
  });

  it('a new weight is checked on its change: computed from the shown (4-digit) w and ∂E/∂w it passes, the old weight fails', () => {
    let compared = 0;
    for (const q of all) {
      if (q.kind !== 'update') continue;
      const fromShown = Number(q.w.toPrecision(4)) - q.eta * Number(q.gradient.toPrecision(4));
      expect(checkAnswer(q, fromShown).right, q.key).toBe(true);
      if (Math.abs(q.eta * q.gradient) > 2 * toleranceOf(q)) {
        compared++;
        expect(checkAnswer(q, q.w).right, q.key).toBe(false);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('the tolerance is 0.5% of the largest term for a sum: cancelling terms do not make it stricter than the learner’s rounding', () => {
    const s = all.find((q) => q.key === 's:1')!;
    if (s.kind !== 's') throw new Error('kind');
    const largest = Math.max(...s.terms.map((t) => Math.abs(t.z * t.w)));
    expect(toleranceOf(s)).toBeCloseTo(0.005 * Math.max(largest, Math.abs(s.value)), 8);
  });

  it('NaN and infinities are never right', () => {
    const q = all[0];
    expect(checkAnswer(q, Number.NaN).right).toBe(false);
    expect(checkAnswer(q, Infinity).right).toBe(false);
  });

  it('signOf: the sign, 0 within tolerance of 0', () => {
    for (const q of all) expect(signOf(q)).toBe(Math.abs(q.value) <= toleranceOf(q) ? 0 : Math.sign(q.value));
  });
});

describe('parseAnswer', () => {
  it.each([
    ['0.25', 0.25],
    [' -1.5e-3 ', -0.0015],
    ['−0.5', -0.5],
    ['0,75', 0.75],
    ['.5', 0.5],
    ['+2', 2],
  ])('reads %j as %d', (text, value) => {
    expect(parseAnswer(text)).toEqual({ ok: true, value });
  });

  it.each(['', '  ', 'abc', '1/4', '0.5.1', '1e999'])('refuses %j with a sentence', (text) => {
    const r = parseAnswer(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });
});
