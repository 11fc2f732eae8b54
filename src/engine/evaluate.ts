// Error and accuracy of the net over a set of examples, at the current weights.

import type { Example } from './format/types';
import type { Net } from './compile';
import { forward } from './pass';
import { midpoint } from './activation';

export interface Evaluation {
  /** E = Σ_i E_i */
  error: number;
  /** E / n (0 for no examples) */
  meanError: number;
  /** fraction of examples whose every output lies on the same side of its activation's midpoint as its target (0 for no examples) */
  accuracy: number;
}

export function evaluate(net: Net, examples: readonly Example[]): Evaluation {
  const m = net.numOutputs;
  const h = new Float64Array(examples.length * m);
  examples.forEach((ex, i) => {
    forward(net, ex.x);
    for (let o = 0; o < m; o++) h[i * m + o] = net.z[net.outputNode[o]];
  });
  return evaluateOutputs(net, h, examples);
}

/**
 * the same from outputs already computed — h[i·m + o] = h_o(x_i), as the kernel's predict gives
 * them — so a trainer that runs its forward passes elsewhere gets the very same numbers
 */
export function evaluateOutputs(net: Net, h: ArrayLike<number>, examples: readonly Example[]): Evaluation {
  const m = net.numOutputs;
  let error = 0;
  let correct = 0;
  examples.forEach((ex, i) => {
    error += squaredError(h, i * m, ex.y, m);
    if (classifiedCorrectly(net, h, i * m, ex.y)) correct++;
  });
  const n = examples.length;
  return { error, meanError: n > 0 ? error / n : 0, accuracy: n > 0 ? correct / n : 0 };
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

/** every output h_o (at h[at …]) is above its midpoint exactly when its target y_o is */
function classifiedCorrectly(net: Net, h: ArrayLike<number>, at: number, y: ArrayLike<number>): boolean {
  for (let o = 0; o < net.numOutputs; o++) {
    const mid = midpoint(net.act[net.outputNode[o]]);
    if (h[at + o] > mid !== y[o] > mid) return false;
  }
  return true;
}
