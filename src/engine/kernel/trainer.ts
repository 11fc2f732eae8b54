// What trains a compiled network: the per-network WebAssembly kernel or the pure engine, behind
// one API shaped like the engine's own training functions, with the same float64 weights.

import type { Example, TrainingSettings } from '../format/types';
import type { Rng } from '../random';
import type { KernelStrategy } from './plan';

export interface Trainer {
  /** which code trains: a wasm kernel, or the pure engine (fallback) */
  readonly strategy: KernelStrategy | 'engine';
  readonly numNodes: number;
  readonly numEdges: number;
  readonly numOutputs: number;
  /** f64s per example's x (max feature index + 1) */
  readonly xStride: number;
  /** bytes of WebAssembly memory the kernel holds (0 for the engine fallback) */
  readonly memoryBytes: number;
  /** examples the trainer holds (setExamples) */
  readonly numExamples: number;
  /** copies the examples into the kernel's memory */
  setExamples(examples: readonly Example[]): void;
  /** one epoch exactly as the engine's trainEpoch(net, examples, settings, rng) would run it; returns Σ E_i */
  trainEpoch(settings: TrainingSettings, rng?: Rng): number;
  /** sequential updates on the held examples at these indices, in this order; returns Σ E_i (each before its update) */
  trainSequential(indices: ArrayLike<number>, eta: number): number;
  /** one batch update from all held examples; returns Σ E_i at the old weights */
  trainBatch(eta: number): number;
  /** the current weights (doc.edges order) into `out` (default: a new array) */
  getWeights(out?: Float64Array): Float64Array;
  setWeights(weights: ArrayLike<number>): void;
  /**
   * forward passes only: `points` holds `count` inputs of xStride numbers each; returns h_o of
   * point i at [i·numOutputs + o] (decision maps)
   */
  predict(points: Float64Array, count: number, out?: Float64Array): Float64Array;
  /**
   * forward passes only: z_k of every node (net.nodeIds order) at each point, rounded to float32,
   * at [i·numNodes + k] (every neuron's thumbnail map in one pass)
   */
  nodeValues(points: Float64Array, count: number, out?: Float32Array): Float32Array;
}
