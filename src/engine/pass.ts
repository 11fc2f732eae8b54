// One example through the net (docs/graph-format.md, "Semantics"): forward fills s and z, backward
// fills ∂h/∂s, ∂E/∂s and ∂E/∂w. No allocation here: these run millions of times.

import { activate, activateDerivative } from './activation';
import { KIND_BIAS, KIND_NEURON, LOSS_SQUARED, type Net } from './compile';
import { inputValue } from './features';
import { exampleError } from './loss';
import { softmaxJacobian, softmaxOutputs } from './softmax';

export { exampleError } from './loss';

/** w̃_e: the weight, or 0 for an edge switched off */
function liveWeight(net: Net, e: number): number {
  return net.edgeOff[e] === 0 ? net.weights[e] : 0;
}

/** z of an input or bias node: its (derived) feature, 1 for a bias, 0 when off */
function sourceValue(net: Net, k: number, x: ArrayLike<number>): number {
  if (net.nodeOff[k] !== 0) return 0;
  if (net.kind[k] === KIND_BIAS) return 1;
  return inputValue(x, net.feature[k], net.transform[k], net.times[k]);
}

/** s_k = Σ_j z_j w̃_{j→k} over the incoming edges in edge order */
function netInput(net: Net, k: number): number {
  const { inStart, inSrc, inEdge, z } = net;
  let sum = 0;
  for (let q = inStart[k]; q < inStart[k + 1]; q++) sum += z[inSrc[q]] * liveWeight(net, inEdge[q]);
  return sum;
}

/** s_k = Σ_j z_j w_{j→k}, z_k = σ(s_k), in topological order; an off neuron: s = z = σ' = 0; softmax outputs last */
export function forward(net: Net, x: ArrayLike<number>): void {
  const { order, kind, act, nodeOff, s, z, dzds } = net;
  for (let p = 0; p < order.length; p++) {
    const k = order[p];
    if (kind[k] !== KIND_NEURON) {
      z[k] = sourceValue(net, k, x);
    } else if (nodeOff[k] !== 0) {
      s[k] = z[k] = dzds[k] = 0;
    } else {
      const sum = netInput(net, k);
      s[k] = sum;
      z[k] = activate(act[k], sum);
      dzds[k] = activateDerivative(act[k], sum, z[k]);
    }
  }
  if (net.softmax) softmaxOutputs(net);
}

/**
 * into out[o·n + k]: ∂s_o/∂s_k when `seed` is 1 (out = dsds), or ∂h_o/∂s_k when it is σ'(s_o) (out = dhds):
 * `seed` at k = o, else Σ_{k→m} out[o, m] · w̃_{k→m} · σ'(s_k); in reverse topological order
 */
function backwardOutput(net: Net, o: number, out: Float64Array, seedIsOne: boolean): void {
  const { order, kind, outStart, outDst, outEdge, dzds, numNodes } = net;
  const base = o * numNodes;
  const target = net.outputNode[o];
  for (let p = order.length - 1; p >= 0; p--) {
    const k = order[p];
    if (kind[k] !== KIND_NEURON) {
      out[base + k] = 0;
    } else if (k === target) {
      out[base + k] = seedIsOne ? 1 : dzds[k];
    } else {
      let sum = 0;
      for (let q = outStart[k]; q < outStart[k + 1]; q++) sum += out[base + outDst[q]] * liveWeight(net, outEdge[q]);
      out[base + k] = sum * dzds[k];
    }
  }
}

/** ∂h_o/∂s_k = Σ_m ∂h_o/∂s_m · ∂s_m/∂s_k, the softmax Jacobian at the outputs times the paths into them */
function softmaxSensitivities(net: Net): void {
  const { numOutputs, numNodes, dsds, dhds } = net;
  for (let m = 0; m < numOutputs; m++) backwardOutput(net, m, dsds, true);
  for (let o = 0; o < numOutputs; o++) {
    for (let k = 0; k < numNodes; k++) {
      let sum = 0;
      for (let m = 0; m < numOutputs; m++) sum += softmaxJacobian(net, o, m) * dsds[m * numNodes + k];
      dhds[o * numNodes + k] = sum;
    }
  }
}

/** dhds: ∂h_o/∂s_k for every output o and node k */
export function outputSensitivities(net: Net): void {
  if (net.softmax) softmaxSensitivities(net);
  else for (let o = 0; o < net.numOutputs; o++) backwardOutput(net, o, net.dhds, false);
}

/** squared error: ∂E_i/∂s_k = Σ_o 2(h_o − y_o) ∂h_o/∂s_k (the tutorial's form) */
function squaredErrorDeltas(net: Net, y: ArrayLike<number>): void {
  const { numNodes, numOutputs, outputNode, z, dhds, dEds } = net;
  dEds.fill(0);
  for (let o = 0; o < numOutputs; o++) {
    const factor = 2 * (z[outputNode[o]] - y[o]);
    const base = o * numNodes;
    for (let k = 0; k < numNodes; k++) dEds[k] += factor * dhds[base + k];
  }
}

/** cross-entropy: ∂E_i/∂s_o = h_o − y_o at the outputs, ∂E_i/∂s_k = (Σ_{k→m} ∂E_i/∂s_m · w̃_{k→m}) · σ'(s_k) before them */
function crossEntropyDeltas(net: Net, y: ArrayLike<number>): void {
  const { order, kind, outputIndex, outStart, outDst, outEdge, z, dzds, dEds } = net;
  for (let p = order.length - 1; p >= 0; p--) {
    const k = order[p];
    const o = outputIndex[k];
    if (o >= 0) {
      dEds[k] = z[k] - y[o];
    } else if (kind[k] !== KIND_NEURON) {
      dEds[k] = 0;
    } else {
      let sum = 0;
      for (let q = outStart[k]; q < outStart[k + 1]; q++) sum += dEds[outDst[q]] * liveWeight(net, outEdge[q]);
      dEds[k] = sum * dzds[k];
    }
  }
}

/** ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j; 0 for a frozen edge */
function edgeGradients(net: Net): void {
  const { grad, dEds, z, edgeSource, edgeTarget, frozen } = net;
  for (let e = 0; e < grad.length; e++) grad[e] = frozen[e] === 0 ? dEds[edgeTarget[e]] * z[edgeSource[e]] : 0;
}

/** after forward: fills dhds, dEds and grad by the net's loss; returns E_i */
export function backward(net: Net, y: ArrayLike<number>): number {
  outputSensitivities(net);
  if (net.loss === LOSS_SQUARED) squaredErrorDeltas(net, y);
  else crossEntropyDeltas(net, y);
  edgeGradients(net);
  return exampleError(net, y);
}
