// Backpropagation checked against centred finite differences (CS231n's method).
//
// Measure, per edge: rel = |a − n| / max(|a|, |n|, ε), a = ∂E/∂w by backpropagation, n the
// centred difference (E(w + h) − E(w − h)) / 2h, h = 1e-5, ε = GRADCHECK_FLOOR = 1e-8.
// A pair with |a| and |n| both below ε is "near zero": the centred difference cannot resolve
// it (its rounding error alone is about 1e-16·E / h ≈ 1e-11·E), so its relative error means
// nothing; such pairs are counted apart, with their largest |a − n|, and graded by nothing.
// Grades of the largest rel over the other edges: ≤ 1e-7 right, ≤ 1e-4 acceptable (e.g. near
// relu's kink), ≤ 1e-2 suspicious, beyond that wrong.

import type { Example, GraphDoc } from './format/types';
import { compile, type Net } from './compile';
import { backward, exampleError, forward } from './pass';

export const GRADCHECK_STEP = 1e-5;
/** ε: the absolute floor of the relative error's denominator, and the near-zero bound */
export const GRADCHECK_FLOOR = 1e-8;

export interface GradcheckResult {
  /** the largest relative error over the edges that are not near zero (0 when there are none) */
  maxRelError: number;
  /** the edge where it occurs; null when those edges agree exactly or there are none */
  edgeId: string | null;
  /** edges checked */
  count: number;
  /** edges whose analytic and numeric gradients are both below GRADCHECK_FLOOR in size */
  nearZero: number;
  /** the largest |a − n| among the near-zero edges (0 when there are none) */
  maxNearZeroDiff: number;
}

export type GradcheckGrade = 'right' | 'acceptable' | 'suspicious' | 'wrong';

/** |a − n| / max(|a|, |n|, ε); Infinity when either is not finite */
export function relativeError(a: number, n: number, floor = GRADCHECK_FLOOR): number {
  if (!Number.isFinite(a) || !Number.isFinite(n)) return Infinity;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), floor);
}

/** both gradients too small for a centred difference to judge */
export function isNearZero(a: number, n: number, floor = GRADCHECK_FLOOR): boolean {
  return Math.abs(a) < floor && Math.abs(n) < floor;
}

/** CS231n's reading of a relative error */
export function gradeRelativeError(rel: number): GradcheckGrade {
  if (rel <= 1e-7) return 'right';
  if (rel <= 1e-4) return 'acceptable';
  if (rel <= 1e-2) return 'suspicious';
  return 'wrong';
}

/** E over the given examples at the net's current weights */
function totalError(net: Net, examples: readonly Example[]): number {
  let e = 0;
  for (const ex of examples) {
    forward(net, ex.x);
    e += exampleError(net, ex.y);
  }
  return e;
}

/** Σ_i ∂E_i/∂w by backpropagation, per edge */
export function analyticGradient(net: Net, examples: readonly Example[]): Float64Array {
  const sum = new Float64Array(net.numEdges);
  for (const ex of examples) {
    forward(net, ex.x);
    backward(net, ex.y);
    for (let e = 0; e < sum.length; e++) sum[e] += net.grad[e];
  }
  return sum;
}

/** (E(w + h) − E(w − h)) / 2h, per edge */
export function numericGradient(net: Net, examples: readonly Example[], h = GRADCHECK_STEP): Float64Array {
  const out = new Float64Array(net.numEdges);
  for (let e = 0; e < out.length; e++) {
    const w = net.weights[e];
    net.weights[e] = w + h;
    const plus = totalError(net, examples);
    net.weights[e] = w - h;
    const minus = totalError(net, examples);
    net.weights[e] = w;
    out[e] = (plus - minus) / (2 * h);
  }
  return out;
}

/** with exampleIndex: that example's E_i; without: E summed over all examples */
export function gradcheck(doc: GraphDoc, exampleIndex?: number): GradcheckResult {
  const all = doc.dataset.examples;
  if (exampleIndex !== undefined && !(Number.isInteger(exampleIndex) && exampleIndex >= 0 && exampleIndex < all.length)) {
    throw new RangeError(`example ${exampleIndex} does not exist; the dataset has ${all.length} examples`);
  }
  const examples = exampleIndex === undefined ? all : [all[exampleIndex]];
  const net = compile(doc);
  const analytic = analyticGradient(net, examples);
  const numeric = numericGradient(net, examples);
  return compareGradients(net.edgeIds, analytic, numeric);
}

/** the largest relative error away from zero, and the near-zero pairs apart */
export function compareGradients(edgeIds: readonly string[], analytic: Float64Array, numeric: Float64Array): GradcheckResult {
  const result: GradcheckResult = { maxRelError: 0, edgeId: null, count: edgeIds.length, nearZero: 0, maxNearZeroDiff: 0 };
  for (let e = 0; e < edgeIds.length; e++) {
    const a = analytic[e];
    const n = numeric[e];
    if (isNearZero(a, n)) {
      result.nearZero++;
      result.maxNearZeroDiff = Math.max(result.maxNearZeroDiff, Math.abs(a - n));
      continue;
    }
    const rel = relativeError(a, n);
    if (rel > result.maxRelError) {
      result.maxRelError = rel;
      result.edgeId = edgeIds[e];
    }
  }
  return result;
}
