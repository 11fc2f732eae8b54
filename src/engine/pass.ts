// One example through the net: forward fills s and z, backward fills ∂h/∂s, ∂E/∂s and ∂E/∂w.
// No allocation here: these run millions of times.

import { activate, activateDerivative } from './activation';
import { KIND_INPUT, KIND_NEURON, type Net } from './compile';

/** s_k = Σ_j z_j w_{j→k}, z_k = σ(s_k), in topological order; inputs z = x[feature], bias z = 1 */
export function forward(net: Net, x: ArrayLike<number>): void {
  const { order, kind, act, feature, inStart, inSrc, inEdge, weights, s, z, dzds } = net;
  for (let p = 0; p < order.length; p++) {
    const k = order[p];
    if (kind[k] !== KIND_NEURON) {
      z[k] = kind[k] === KIND_INPUT ? x[feature[k]] : 1;
      continue;
    }
    let sum = 0;
    for (let q = inStart[k]; q < inStart[k + 1]; q++) sum += z[inSrc[q]] * weights[inEdge[q]];
    s[k] = sum;
    z[k] = activate(act[k], sum);
    dzds[k] = activateDerivative(act[k], sum, z[k]);
  }
}

/** E_i = Σ_o (h_o − y_o)², with h_o = z of output neuron o (after forward) */
export function exampleError(net: Net, y: ArrayLike<number>): number {
  let e = 0;
  for (let o = 0; o < net.numOutputs; o++) {
    const d = net.z[net.outputNode[o]] - y[o];
    e += d * d;
  }
  return e;
}

/** ∂h_o/∂s_k = σ'(s_o) when k = o, else Σ_{k→m} ∂h_o/∂s_m · w_{k→m} · σ'(s_k); in reverse topological order */
function backwardOutput(net: Net, o: number): void {
  const { order, kind, outStart, outDst, outEdge, weights, dzds, dhds, numNodes } = net;
  const base = o * numNodes;
  const target = net.outputNode[o];
  for (let p = order.length - 1; p >= 0; p--) {
    const k = order[p];
    if (kind[k] !== KIND_NEURON) {
      dhds[base + k] = 0;
    } else if (k === target) {
      dhds[base + k] = dzds[k];
    } else {
      let sum = 0;
      for (let q = outStart[k]; q < outStart[k + 1]; q++) sum += dhds[base + outDst[q]] * weights[outEdge[q]];
      dhds[base + k] = sum * dzds[k];
    }
  }
}

/** after forward: fills dhds, dEds (∂E_i/∂s_k = Σ_o 2(h_o − y_o) ∂h_o/∂s_k) and grad (∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j); returns E_i */
export function backward(net: Net, y: ArrayLike<number>): number {
  const { numNodes, numOutputs, outputNode, z, dhds, dEds, grad, edgeSource, edgeTarget } = net;
  for (let o = 0; o < numOutputs; o++) backwardOutput(net, o);
  dEds.fill(0);
  for (let o = 0; o < numOutputs; o++) {
    const factor = 2 * (z[outputNode[o]] - y[o]);
    const base = o * numNodes;
    for (let k = 0; k < numNodes; k++) dEds[k] += factor * dhds[base + k];
  }
  for (let e = 0; e < grad.length; e++) grad[e] = dEds[edgeTarget[e]] * z[edgeSource[e]];
  return exampleError(net, y);
}
