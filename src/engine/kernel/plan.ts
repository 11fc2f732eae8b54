// Which kernel a network gets: fully unrolled code for small nets (every value a register, no
// loops), per-neuron loops for larger ones (code that fits the instruction cache).

import type { Net } from '../compile';
import { emitKernel } from './emit';
import { predictStride } from './lossCode';
import { kernelLayout } from './layout';
import { buildsMaps, type KernelUses } from './uses';
import { kernelView, needsInputValues } from './inputView';
import { PLAIN_RULE, type UpdateRule } from './updateRule';

export type { KernelUses } from './uses';
import { emitLoopedKernel } from './emitLooped';

export type KernelStrategy = 'unrolled' | 'looped';

export interface PlanOptions {
  /** default: chooseStrategy(net) */
  strategy?: KernelStrategy;
  /** f64x2 code (default true): paired neurons in the unrolled kernel, two points per f64x2 in its nodeValues */
  simd?: boolean;
  /** default 'all' */
  uses?: KernelUses;
  /** the training functions' update (default: plain w ← w − η g); λ, β are read at run time from `rule` */
  rule?: UpdateRule;
}

export interface KernelPlan {
  strategy: KernelStrategy;
  bytes: Uint8Array;
  uses: KernelUses;
  /** byte offsets of the weights, the batch gradient sums, the velocities (momentum) and the rule's parameters */
  weights: number;
  gradSum: number;
  velocity: number;
  rule: number;
  /** byte offset of the i32 where training writes the step it stopped at (−1: it did not) */
  stop: number;
  /** first free byte */
  end: number;
  xStride: number;
  yStride: number;
  /** edge e's weight lives in slot weightSlot[e] (null: slot e) */
  weightSlot: Int32Array | null;
  /** slots in the weight and gradient regions (≥ edges: blocks are aligned) */
  slots: number;
  /** the kernel reads rows of input values (inputView.ts), xStride of them, rather than x itself */
  inputValues: boolean;
  /** f64s predict writes per point: h, then (cross-entropy) s of every output */
  predictStride: number;
}

/**
 * Unrolled code is the fastest measured on every benchmark net (it matches C's CSR loop); it keeps
 * 4 locals per node and a few dozen bytes per edge, so very large graphs get the looped kernel,
 * which stays within WebAssembly's limits (50,000 locals, ~7 MB per function) for far longer.
 */
export const UNROLL_MAX_NODES = 8000;
export const UNROLL_MAX_EDGES = 100_000;

export function chooseStrategy(net: Net): KernelStrategy {
  return net.numNodes <= UNROLL_MAX_NODES && net.numEdges <= UNROLL_MAX_EDGES ? 'unrolled' : 'looped';
}

/** the module for `net` and where it keeps things; `simd: false` for hosts without WebAssembly SIMD */
export function planKernel(doc: Net, options: PlanOptions = {}): KernelPlan {
  const net = kernelView(doc);
  const inputValues = needsInputValues(doc);
  const { strategy = chooseStrategy(net), simd = true, uses = 'all', rule = PLAIN_RULE } = options;
  const base = kernelLayout(net, { neurons: simd, points: simd && buildsMaps(uses) });
  if (strategy === 'unrolled') {
    const { weights, gradSum, velocity, rule: ruleAt, stop, end, xStride, yStride, weightSlot, slots } = base;
    return { strategy, uses, bytes: emitKernel(net, base, uses, rule), weights, gradSum, velocity, rule: ruleAt, stop, end, xStride, yStride, weightSlot, slots, inputValues, predictStride: predictStride(net, yStride) };
  }
  const { bytes, layout } = emitLoopedKernel(net, base.xStride, base.yStride, uses, rule);
  const { weights, gradSum, velocity, rule: ruleAt, stop, end, xStride, yStride, weightSlot } = layout;
  return { strategy, uses, bytes, weights, gradSum, velocity, rule: ruleAt, stop, end, xStride, yStride, weightSlot, slots: net.numEdges, inputValues, predictStride: predictStride(net, yStride) };
}
