// Derived inputs in the kernel: an input's z (x_i, x_i², sin x_i, x_i·x_j, 0 when off) depends on
// the example's x alone, so it is computed once in JavaScript, by the engine's own inputValues,
// when examples are copied into the kernel's memory and for the points of predict and nodeValues.
// The kernel then reads input p's z at position p of a row: no sin port in WebAssembly, and the
// same doubles as the engine by construction.

import { KIND_INPUT, type Net } from '../compile';
import { inputValues } from '../features';

/** some input is derived or switched off: the kernel reads rows of input values, not x itself */
export function needsInputValues(net: Net): boolean {
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_INPUT && (net.transform[k] !== 0 || net.times[k] >= 0 || net.nodeOff[k] !== 0)) return true;
  }
  return false;
}

/** the net as the kernel sees it: with input values, input k reads position p (its rank among the inputs) as a plain feature */
export function kernelView(net: Net): Net {
  if (!needsInputValues(net)) return net;
  const feature = new Int32Array(net.numNodes).fill(-1);
  let p = 0;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) feature[k] = p++;
  return { ...net, feature, transform: new Int8Array(net.numNodes), times: new Int32Array(net.numNodes).fill(-1) };
}

/** `count` rows of `stride` input values (kernelView's features) from points of `xStride` numbers each */
export function inputRows(net: Net, points: ArrayLike<number>, xStride: number, count: number, stride: number): Float64Array {
  const rows = new Float64Array(count * stride);
  const row = new Float64Array(stride);
  const x = new Float64Array(xStride);
  for (let i = 0; i < count; i++) {
    for (let f = 0; f < xStride; f++) x[f] = points[i * xStride + f];
    inputValues(net, x, row);
    rows.set(row, i * stride);
  }
  return rows;
}
