// Where the unrolled kernel keeps things in linear memory: the weights (paired neurons' side by
// side in 16-byte blocks), the batch gradient sums, the f64x2 constants and the block of points
// of the two-lane map pass.

import { KIND_BIAS, KIND_INPUT, type Net } from '../compile';
import { blockPoints } from './pairs/blocks';
import { PAIR_CONSTANT_BYTES } from './pairs/elementaryPairCode';
import { RULE_BYTES } from './updateRule';

/** byte offsets of the fixed regions of linear memory */
export interface KernelLayout {
  /** one slot per edge (plus alignment padding): edge e's weight lives in slot weightSlot[e] */
  weights: number;
  weightSlot: Int32Array;
  slots: number;
  /** Σ_i ∂E_i/∂w per slot (batch mode) */
  gradSum: number;
  /** momentum's v per slot */
  velocity: number;
  /** exp's and tanh's f64x2 constants (pairConstantBytes, a data segment of the module) */
  constants: number;
  /** f64x2 nodeValues' block of points (pointPairs.ts): z of node k at its point t at pointBlock + 8·(blockPoints·k + t) */
  pointBlock: number;
  /** points per block; 0: nodeValues without f64x2 */
  blockPoints: number;
  /** the i32 where a training function writes the step it stopped at (−1: none; exampleLoop.ts) */
  stop: number;
  /** the update rule's λ, 2λ, β (updateRule.ts) */
  rule: number;
  /** first free byte after the fixed regions (8-aligned) */
  end: number;
  /** f64s per example's x (max feature index + 1) */
  xStride: number;
  /** f64s per example's y (number of outputs) */
  yStride: number;
  /** partner[k]: the neuron whose sum is computed alongside k's (same inputs in the same order), or −1 */
  partner: Int32Array;
  /** lead[k]: k is the first of its pair in topological order (its pair's code is emitted there) */
  lead: Uint8Array;
}

/** which f64x2 code the layout makes room for */
export interface PairOptions {
  /** neurons paired in training and forward passes */
  neurons: boolean;
  /** nodeValues on two points per f64x2 (pairs/pointPairs.ts) */
  points: boolean;
}

/**
 * With `pairs.neurons`, neurons with the same incoming sources in the same order (a layer's
 * neurons) are paired: both sums run in the two lanes of one f64x2 (each lane adds its own terms in
 * its own order: the same doubles as the scalar code), with w_{j→a} and w_{j→b} side by side in a
 * 16-byte block. With `pairs.points`, nodeValues runs pairs of points in f64x2 lanes
 * (pairs/pointPairs.ts), in memory of its own after the gradients.
 */
export function kernelLayout(net: Net, pairs: PairOptions = { neurons: true, points: true }): KernelLayout {
  let xStride = 1;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) xStride = Math.max(xStride, net.feature[k] + 1);
  const partner = new Int32Array(net.numNodes).fill(-1);
  const lead = new Uint8Array(net.numNodes);
  if (pairs.neurons) pairNeurons(net, partner, lead);
  const weightSlot = new Int32Array(net.numEdges);
  let slots = 0;
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS) continue;
    const b = partner[k];
    if (b < 0) {
      for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) weightSlot[net.inEdge[q]] = slots++;
    } else if (lead[k]) {
      slots += slots & 1; // 16-byte aligned blocks
      const n = net.inStart[k + 1] - net.inStart[k];
      for (let i = 0; i < n; i++) {
        weightSlot[net.inEdge[net.inStart[k] + i]] = slots + 2 * i;
        weightSlot[net.inEdge[net.inStart[b] + i]] = slots + 2 * i + 1;
      }
      slots += 2 * n;
    }
  }
  slots += slots & 1;
  const bytes = 8 * slots;
  const constants = 3 * bytes;
  const pointBlock = constants + (pairs.points ? PAIR_CONSTANT_BYTES : 0);
  const points = pairs.points ? blockPoints(net.numNodes) : 0;
  const stop = pointBlock + 8 * points * net.numNodes;
  const rule = stop + 8;
  const end = rule + RULE_BYTES;
  return { weights: 0, weightSlot, slots, gradSum: bytes, velocity: 2 * bytes, constants, pointBlock, blockPoints: points, stop, rule, end, xStride, yStride: Math.max(1, net.numOutputs), partner, lead };
}

/** every incoming edge of neuron k is updated (none frozen by ablation), and k is on */
function fullyTrained(net: Net, k: number): boolean {
  if (net.nodeOff[k] !== 0) return false;
  for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) if (net.frozen[net.inEdge[q]] !== 0) return false;
  return true;
}

/** pairs consecutive neurons (topological order) that share their sources in the same order (neither off, no frozen incoming edge) */
function pairNeurons(net: Net, partner: Int32Array, lead: Uint8Array): void {
  const waiting = new Map<string, number>();
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS || net.inStart[k + 1] === net.inStart[k] || !fullyTrained(net, k)) continue;
    const key = Array.from(net.inSrc.subarray(net.inStart[k], net.inStart[k + 1])).join(',');
    const a = waiting.get(key);
    if (a === undefined) {
      waiting.set(key, k);
      continue;
    }
    waiting.delete(key);
    partner[a] = k;
    partner[k] = a;
    lead[a] = 1;
  }
}
