// What trains a compiled network: the per-network WebAssembly kernel or the pure engine, behind
// one API shaped like the engine's own training functions, with the same float64 weights, the
// same divergence check after every update, and the engine's E and accuracy.

import type { Example, TrainingSettings } from '../format/types';
import type { Rng } from '../random';
import type { Evaluation, SplitEvaluation } from '../evaluate';
import type { EpochResult, UpdateSettings } from '../train';

/** the update's options beside η (absent: none): a regulariser, momentum */
export type UpdateOptions = Omit<UpdateSettings, 'learningRate'>;
import type { KernelStrategy } from './plan';

export interface Trainer {
  /** what runs the arithmetic: the WebAssembly kernel, or the pure engine (no WebAssembly here, or no kernel for this net) */
  readonly kind: 'wasm' | 'js';
  /** which code trains: a kernel strategy, or the engine */
  readonly strategy: KernelStrategy | 'engine';
  readonly numNodes: number;
  readonly numEdges: number;
  readonly numOutputs: number;
  /** f64s per example's x (max feature index + 1) */
  readonly xStride: number;
  /** bytes of WebAssembly memory the kernel holds (0 for the engine) */
  readonly memoryBytes: number;
  /** examples the trainer holds (setExamples) */
  readonly numExamples: number;
  /** the examples training and evaluate() use (copied into the kernel's memory) */
  setExamples(examples: readonly Example[]): void;
  /** one epoch exactly as the engine's trainEpoch(net, examples, settings, rng) runs it: its mode, batch size, regulariser and momentum, over the examples not marked test */
  trainEpoch(settings: TrainingSettings, rng?: Rng): EpochResult;
  /**
   * sequential updates (η, and the regulariser and momentum of `update` if given; without it
   * η only, as the engine's trainInOrder) on the held examples at these indices, in this order; error: Σ E_i (each
   * before its update). An update that would put a weight past the limit is not made: training
   * stops there with the weights before it, and `divergence` names the step and the weight.
   */
  sequential(indices: ArrayLike<number>, eta: number, update?: UpdateOptions): EpochResult;
  /** one batch update from the held training examples (not made if it would diverge), with `update`'s options; error: Σ E_i at the old weights */
  batch(eta: number, update?: UpdateOptions): EpochResult;
  /** E and accuracy over the held examples at the current weights: the engine's evaluate, bit for bit */
  evaluate(): Evaluation;
  /** the same over the training and the test examples apart: the engine's evaluateSplit, bit for bit */
  evaluateSplit(): SplitEvaluation;
  /** the current weights (doc.edges order) into `out` (default: a new array) */
  weights(out?: Float64Array): Float64Array;
  setWeights(weights: ArrayLike<number>): void;
  /** momentum's velocities (doc.edges order; 0 where none) into `out` (default: a new array): kept with the document so training resumes exactly */
  velocity(out?: Float64Array): Float64Array;
  setVelocity(velocity: ArrayLike<number>): void;
  /**
   * forward passes only: `points` holds `count` inputs of xStride numbers each; returns h_o of
   * point i at [i·numOutputs + o]
   */
  predict(points: Float64Array, count: number, out?: Float64Array): Float64Array;
  /**
   * forward passes only: z_k of every node (net.nodeIds order) at each point, rounded to float32,
   * at [i·numNodes + k] (every neuron's thumbnail map in one pass)
   */
  nodeValues(points: Float64Array, count: number, out?: Float32Array): Float32Array;
}
