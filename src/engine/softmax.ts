// Softmax outputs (docs/graph-format.md, "Loss"): h_o = e^{s_o − M} / (1 + T) with M = max_o s_o,
// T = Σ_{o ≠ a} e^{s_o − M} (a the first output with s_a = M), and their Jacobian ∂h_o/∂s_m.

import { exp, log1p } from './elementary';
import type { Net } from './compile';

/** after the neurons' s: z_o = h_o for every output, σ'_o = h_o(1 − h_o), softmaxShift = [M, log1p(T)] */
export function softmaxOutputs(net: Net): void {
  const { outputNode, numOutputs, s, z, dzds, softmaxShift } = net;
  let a = 0;
  for (let o = 1; o < numOutputs; o++) if (s[outputNode[o]] > s[outputNode[a]]) a = o;
  const max = s[outputNode[a]];
  let rest = 0; // T
  for (let o = 0; o < numOutputs; o++) if (o !== a) rest += exp(s[outputNode[o]] - max);
  const partition = 1 + rest;
  for (let o = 0; o < numOutputs; o++) {
    const k = outputNode[o];
    const h = (o === a ? 1 : exp(s[k] - max)) / partition;
    z[k] = h;
    dzds[k] = h * (1 - h);
  }
  softmaxShift[0] = max;
  softmaxShift[1] = log1p(rest);
}

/** ln h_o = (s_o − M) − log1p(T), of the last forward pass */
export function softmaxLog(net: Net, o: number): number {
  return net.s[net.outputNode[o]] - net.softmaxShift[0] - net.softmaxShift[1];
}

/** ∂h_o/∂s_m = h_o (δ_om − h_m) at the outputs */
export function softmaxJacobian(net: Net, o: number, m: number): number {
  const ho = net.z[net.outputNode[o]];
  return ho * ((o === m ? 1 : 0) - net.z[net.outputNode[m]]);
}
