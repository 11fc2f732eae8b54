// Error, accuracy and mean squared error of the net over a set of examples, at the current weights
// (docs/graph-format.md, "Metrics"), and the same for the training and the test examples apart.

import type { Example } from './format/types';
import { LOSS_SQUARED, type Net } from './compile';
import { forward } from './pass';
import { midpoint } from './activation';
import { binaryCrossEntropy } from './loss';
import { exp, log1p } from './elementary';
import { testExamples, trainingExamples } from './train';

export interface Evaluation {
  /** E = Σ_i E_i of the net's loss */
  error: number;
  /** E / n (0 for no examples) */
  meanError: number;
  /** fraction classified right, by arg-max or by midpoint (0 for no examples, and for a regression) */
  accuracy: number;
  /** Σ_i Σ_o (h_o − y_o)² / (n · m): a regression's measure in place of accuracy (0 for no examples) */
  meanSquaredError: number;
}

export interface SplitEvaluation {
  /** over the training examples */
  train: Evaluation;
  /** over the test examples (all zero when there are none) */
  test: Evaluation;
  /** how many test examples there are */
  testCount: number;
}

/** h[i·m + o] and, for cross-entropy, s[i·m + o] of the outputs for each example */
function outputsOf(net: Net, examples: readonly Example[]): { h: Float64Array; s: Float64Array } {
  const m = net.numOutputs;
  const h = new Float64Array(examples.length * m);
  const s = new Float64Array(examples.length * m);
  examples.forEach((ex, i) => {
    forward(net, ex.x);
    for (let o = 0; o < m; o++) {
      h[i * m + o] = net.z[net.outputNode[o]];
      s[i * m + o] = net.s[net.outputNode[o]];
    }
  });
  return { h, s };
}

export function evaluate(net: Net, examples: readonly Example[]): Evaluation {
  const { h, s } = outputsOf(net, examples);
  return evaluateOutputs(net, h, examples, s);
}

/** the training and the test examples, each measured apart */
export function evaluateSplit(net: Net, examples: readonly Example[]): SplitEvaluation {
  const test = testExamples(examples);
  return { train: evaluate(net, trainingExamples(examples)), test: evaluate(net, test), testCount: test.length };
}

/**
 * The same from outputs already computed — h[i·m + o] = h_o(x_i), as the kernel's predict gives
 * them — so a trainer that runs its forward passes elsewhere gets the very same numbers. The
 * cross-entropy loss is computed from the outputs' s: pass them as `s` (same layout).
 */
export function evaluateOutputs(net: Net, h: ArrayLike<number>, examples: readonly Example[], s?: ArrayLike<number>): Evaluation {
  const m = net.numOutputs;
  if (net.loss !== LOSS_SQUARED && s === undefined) throw new Error('the cross-entropy loss is computed from the outputs’ s: pass them');
  let error = 0;
  let squared = 0;
  let correct = 0;
  examples.forEach((ex, i) => {
    const at = i * m;
    const e2 = squaredError(h, at, ex.y, m);
    squared += e2;
    error += net.loss === LOSS_SQUARED ? e2 : crossEntropyFromS(net, s!, at, ex.y);
    if (!net.regression && classifiedCorrectly(net, h, at, ex.y)) correct++;
  });
  const n = examples.length;
  return {
    error,
    meanError: n > 0 ? error / n : 0,
    accuracy: n > 0 ? correct / n : 0,
    meanSquaredError: n > 0 && m > 0 ? squared / (n * m) : 0,
  };
}

/** E_i = Σ_o (h_o − y_o)², the outputs at h[at …] */
function squaredError(h: ArrayLike<number>, at: number, y: ArrayLike<number>, m: number): number {
  let e = 0;
  for (let o = 0; o < m; o++) {
    const d = h[at + o] - y[o];
    e += d * d;
  }
  return e;
}

/** cross-entropy E_i from the outputs' s at s[at …], by the spec's formulas (as loss.ts computes it after forward) */
function crossEntropyFromS(net: Net, s: ArrayLike<number>, at: number, y: ArrayLike<number>): number {
  const m = net.numOutputs;
  if (!net.softmax) return m > 0 ? binaryCrossEntropy(s[at], y[0]) : 0;
  let a = 0;
  for (let o = 1; o < m; o++) if (s[at + o] > s[at + a]) a = o;
  const max = s[at + a];
  let rest = 0;
  for (let o = 0; o < m; o++) if (o !== a) rest += exp(s[at + o] - max);
  const log = log1p(rest);
  let e = 0;
  for (let o = 0; o < m; o++) e += y[o] * (log - (s[at + o] - max));
  return e;
}

/** the lowest index of the largest of m values at v[at …] */
function argmax(v: ArrayLike<number>, at: number, m: number): number {
  let best = 0;
  for (let o = 1; o < m; o++) if (v[at + o] > v[at + best]) best = o;
  return best;
}

/** arg-max rule: the largest output is the target's class; midpoint rule: every h_o on its target's side of the midpoint */
function classifiedCorrectly(net: Net, h: ArrayLike<number>, at: number, y: ArrayLike<number>): boolean {
  const m = net.numOutputs;
  if (net.argmaxAccuracy) return argmax(h, at, m) === argmax(y, 0, m);
  for (let o = 0; o < m; o++) {
    const mid = midpoint(net.act[net.outputNode[o]]);
    if (h[at + o] > mid !== y[o] > mid) return false;
  }
  return true;
}
