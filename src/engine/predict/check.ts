// Is the learner's number right? The tolerance is relative to the size of the numbers the
// quantity is computed from, since a learner works from the shown (4 significant digits) values:
//
//   right  ⇔  |a − v| ≤ 0.5% · max(|v|, largest |term| of its formula) + 10⁻⁹
//   a new weight w′ = w − Δw:  |a − w′| ≤ 0.5% · |Δw| + 0.05% · |w|   (the change is what is computed;
//                                                                         the shown w is rounded to 4 digits)
//
// docs/predict.md states the same; the Predict card and the "Work it by hand" table say it too.

import type { Quantity } from './quantities';

/** the relative part: 0.5%, about 3 significant digits */
export const RELATIVE_TOLERANCE = 0.005;
/** the rounding of a weight shown to 4 significant digits: half a unit of the 4th digit is at most 0.05% */
export const SHOWN_WEIGHT_ROUNDING = 0.0005;
/** so that a quantity that is exactly 0 still accepts a typed 0 */
export const ABSOLUTE_FLOOR = 1e-9;

export const TOLERANCE_SENTENCE =
  'Right within 0.5% of the largest number in the formula (a new weight: 0.5% of the change Δw, plus 0.05% of w for its shown rounding).';

/** the largest |a − v| that counts as right for quantity q */
export function toleranceOf(q: Quantity): number {
  if (q.kind === 'update') return RELATIVE_TOLERANCE * q.scale + SHOWN_WEIGHT_ROUNDING * Math.abs(q.w) + ABSOLUTE_FLOOR;
  return RELATIVE_TOLERANCE * Math.max(Math.abs(q.value), q.scale) + ABSOLUTE_FLOOR;
}

/** a and b agree within q's tolerance */
export const agrees = (q: Quantity, a: number, b: number): boolean => Math.abs(a - b) <= toleranceOf(q);

export interface Verdict {
  right: boolean;
  /** the engine's value */
  value: number;
  answer: number;
  tolerance: number;
}

/** checks a number against quantity q */
export function checkAnswer(q: Quantity, answer: number): Verdict {
  const tolerance = toleranceOf(q);
  return { right: Number.isFinite(answer) && Math.abs(answer - q.value) <= tolerance, value: q.value, answer, tolerance };
}

/** the easier level: the sign of q (a value within tolerance of 0 counts as 0) */
export type Sign = -1 | 0 | 1;
export function signOf(q: Quantity): Sign {
  return Math.abs(q.value) <= toleranceOf(q) ? 0 : q.value > 0 ? 1 : -1;
}

export type ParsedAnswer = { ok: true; value: number } | { ok: false; message: string };

/** what a learner types: "0.25", "-1.5e-3", "−0,25" (a typographic minus, a decimal comma), "1/4" is not a number */
export function parseAnswer(text: string): ParsedAnswer {
  const cleaned = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/^\+/, '').replace(/\s+/g, '');
  if (cleaned === '') return { ok: false, message: 'Type a number first.' };
  const normal = /^-?\d*,\d+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return { ok: false, message: `“${text.trim()}” is not a number: type digits such as 0.25 or -1.5e-3.` };
  const value = Number(normal);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is too large to be a number here.` };
  return { ok: true, value };
}
