// Error and accuracy of the net over a set of examples, at the current weights.

import type { Example } from './types';
import type { Net } from './compile';
import { exampleError, forward } from './pass';
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
  let error = 0;
  let correct = 0;
  for (const ex of examples) {
    forward(net, ex.x);
    error += exampleError(net, ex.y);
    if (classifiedCorrectly(net, ex.y)) correct++;
  }
  const n = examples.length;
  return { error, meanError: n > 0 ? error / n : 0, accuracy: n > 0 ? correct / n : 0 };
}

/** every output h_o is above its midpoint exactly when its target y_o is */
export function classifiedCorrectly(net: Net, y: ArrayLike<number>): boolean {
  for (let o = 0; o < net.numOutputs; o++) {
    const k = net.outputNode[o];
    const mid = midpoint(net.act[k]);
    if (net.z[k] > mid !== y[o] > mid) return false;
  }
  return true;
}
