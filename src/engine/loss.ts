// E_i for one example (docs/graph-format.md, "Loss"): the tutorial's squared error, or cross-entropy
// (binary on one sigmoid output, or over softmax outputs), read off the last forward pass.

import { softplus } from './activation';
import { LOSS_SQUARED, type Net } from './compile';

/** E_i = Σ_o (h_o − y_o)² */
export function squaredError(net: Net, y: ArrayLike<number>): number {
  let e = 0;
  for (let o = 0; o < net.numOutputs; o++) {
    const d = net.z[net.outputNode[o]] - y[o];
    e += d * d;
  }
  return e;
}

/** E_i = −[y ln h + (1 − y) ln(1 − h)] = y · softplus(−s) + (1 − y) · softplus(s), h = σ(s) */
export function binaryCrossEntropy(s: number, y: number): number {
  return y * softplus(-s) + (1 - y) * softplus(s);
}

/** E_i = −Σ_o y_o ln h_o = Σ_o y_o · (L − (s_o − M)) */
export function softmaxCrossEntropy(net: Net, y: ArrayLike<number>): number {
  const [max, log] = [net.softmaxShift[0], net.softmaxShift[1]];
  let e = 0;
  for (let o = 0; o < net.numOutputs; o++) e += y[o] * (log - (net.s[net.outputNode[o]] - max));
  return e;
}

/** E_i of the net's loss, after forward */
export function exampleError(net: Net, y: ArrayLike<number>): number {
  if (net.loss === LOSS_SQUARED || net.numOutputs === 0) return squaredError(net, y);
  if (net.softmax) return softmaxCrossEntropy(net, y);
  return binaryCrossEntropy(net.s[net.outputNode[0]], y[0]);
}
