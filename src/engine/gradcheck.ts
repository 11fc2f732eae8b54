// Backpropagation checked against centred finite differences (CS231n's method).

import type { Example, GraphDoc } from './format/types';
import { compile, type Net } from './compile';
import { backward, exampleError, forward } from './pass';

export const GRADCHECK_STEP = 1e-5;

export interface GradcheckResult {
  /** the largest |a − n| / (|a| + |n|) over all edges (0 when both are 0) */
  maxRelError: number;
  /** the edge where it occurs; null when every edge agrees exactly or there are no edges */
  edgeId: string | null;
  /** edges checked */
  count: number;
}

/** |a − n| / (|a| + |n|), 0 when both are 0 */
export function relativeError(a: number, n: number): number {
  const scale = Math.abs(a) + Math.abs(n);
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
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
  let maxRelError = 0;
  let edgeId: string | null = null;
  for (let e = 0; e < net.numEdges; e++) {
    const rel = relativeError(analytic[e], numeric[e]) || (Number.isNaN(analytic[e] + numeric[e]) ? Infinity : 0);
    if (rel > maxRelError) {
      maxRelError = rel;
      edgeId = net.edgeIds[e];
    }
  }
  return { maxRelError, edgeId, count: net.numEdges };
}
