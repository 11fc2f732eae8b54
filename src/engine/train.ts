// Gradient descent (docs/graph-format.md, "Update"): the training examples in file order or a seeded
// shuffle, cut into batches (sequential 1, mini-batch b, batch N); per batch the summed gradient,
// the regulariser's term, and a plain or a heavy-ball step.

import { trainingOptions, type Example, type TrainingOptions, type TrainingSettings } from './format/types';
import type { Net } from './compile';
import { backward, forward } from './pass';
import { epochRng, shuffledOrder, type Rng } from './random';
import { withinLimit, type Crossing, type Divergence } from './divergence';
import { penaltyGradient } from './regularization';

/** what an epoch reads of the settings: version 1's keys, and version 2's where given (else their defaults) */
export type EpochSettings = Pick<TrainingSettings, 'learningRate' | 'mode' | 'shuffle' | 'seed' | 'epoch'> & Partial<TrainingSettings>;

/** what an update reads: η, and optionally the regulariser and momentum (absent: none) */
export type UpdateSettings = Pick<TrainingOptions, 'learningRate'> & Partial<Pick<TrainingOptions, 'regularization' | 'momentum'>>;

export interface EpochResult {
  /** Σ_i E_i over the updates made (each E_i at the weights before its batch's update) */
  error: number;
  /** set when an update would have put a weight past the limit: that update was not made, and the epoch stopped there */
  divergence: Divergence | null;
}

/** the examples training uses: every one not marked test, in file order */
export function trainingExamples(examples: readonly Example[]): readonly Example[] {
  return examples.some((ex) => ex.test === true) ? examples.filter((ex) => ex.test !== true) : examples;
}

/** the examples measured apart: those marked test */
export function testExamples(examples: readonly Example[]): readonly Example[] {
  return examples.filter((ex) => ex.test === true);
}

/** b: 1 (sequential), batchSize (minibatch), N (batch); at most N, at least 1 */
export function batchSizeOf(options: Pick<TrainingOptions, 'mode' | 'batchSize'>, n: number): number {
  const b = options.mode === 'sequential' ? 1 : options.mode === 'minibatch' ? options.batchSize : n;
  return Math.max(1, Math.min(b, n));
}

/** the epoch's order of 0..N−1: a seeded Fisher–Yates order when shuffling (not in batch mode), else null = file order */
export function epochOrder(n: number, options: Pick<TrainingOptions, 'mode' | 'shuffle' | 'seed' | 'epoch'>, rng?: Rng): Int32Array | null {
  if (!options.shuffle || options.mode === 'batch') return null;
  return shuffledOrder(n, rng ?? epochRng(options.seed, options.epoch));
}

/** g_e = G_e + R(w_e) on a regularised edge; then w ← w − η g, or with momentum v ← β v + g, w ← w − η v; frozen edges keep w and v */
export function applyUpdate(net: Net, summed: Float64Array, settings: UpdateSettings): void {
  const { weights, velocity } = net;
  const step = updateStep(net, summed, settings);
  for (let e = 0; e < weights.length; e++) {
    if (net.frozen[e] !== 0) continue;
    const v = step.velocity(e);
    if (step.beta > 0) velocity[e] = v;
    weights[e] = step.weight(e, v);
  }
}

/**
 * the update's arithmetic per edge, read-only: velocity(e) = β v + g (g without momentum) and
 * weight(e, that) = w − η·(it); applyUpdate writes them, firstCrossingOf checks them first
 */
function updateStep(net: Net, summed: Float64Array, settings: UpdateSettings) {
  const { weights, velocity, regularized } = net;
  const eta = settings.learningRate;
  const beta = settings.momentum ?? 0;
  const reg = settings.regularization ?? { kind: 'none', rate: 0 };
  const penalised = reg.kind !== 'none';
  const gradient = (e: number) => (penalised && regularized[e] !== 0 ? summed[e] + penaltyGradient(reg, weights[e]) : summed[e]);
  return {
    beta,
    velocity: (e: number) => (beta > 0 ? beta * velocity[e] + gradient(e) : gradient(e)),
    weight: (e: number, v: number) => weights[e] - eta * v,
  };
}

/** the first weight (edge order) the update would put past the limit (divergence.ts), or null: checked before the update is made */
export function firstCrossingOf(net: Net, summed: Float64Array, settings: UpdateSettings): Crossing | null {
  const step = updateStep(net, summed, settings);
  for (let e = 0; e < net.weights.length; e++) {
    if (net.frozen[e] !== 0) continue;
    const next = step.weight(e, step.velocity(e));
    if (!withinLimit(next)) return { edgeIndex: e, value: next };
  }
  return null;
}

/** G_e += ∂E_i/∂w_e for one example at the current weights; returns E_i */
function accumulateGradient(net: Net, x: ArrayLike<number>, y: ArrayLike<number>): number {
  forward(net, x);
  const error = backward(net, y);
  const { gradSum, grad } = net;
  for (let e = 0; e < gradSum.length; e++) gradSum[e] += grad[e];
  return error;
}

/**
 * G_e = Σ_{i∈B} ∂E_i/∂w_e over examples[order[from..to−1]] at the current weights, then one update
 * unless it would put a weight past the limit; returns Σ E_i and that crossing
 */
function trainBatch(net: Net, examples: readonly Example[], order: ArrayLike<number> | null, from: number, to: number, settings: UpdateSettings): { error: number; crossing: Crossing | null } {
  net.gradSum.fill(0); // the sum starts at +0 for every batch
  let error = 0;
  for (let p = from; p < to; p++) {
    const ex = examples[order === null ? p : order[p]];
    error += accumulateGradient(net, ex.x, ex.y);
  }
  const crossing = firstCrossingOf(net, net.gradSum, settings);
  if (crossing) return { error, crossing };
  applyUpdate(net, net.gradSum, settings);
  return { error, crossing: null };
}

/** one update from one example (a batch of one); returns E_i before the update */
export function trainExample(net: Net, x: ArrayLike<number>, y: ArrayLike<number>, eta: number, settings?: Omit<UpdateSettings, 'learningRate'>): number {
  net.gradSum.fill(0);
  const error = accumulateGradient(net, x, y);
  applyUpdate(net, net.gradSum, settings === undefined ? { learningRate: eta } : { ...settings, learningRate: eta });
  return error;
}

/**
 * One epoch over the training examples (test examples are skipped). When shuffling without an
 * explicit `rng`, epoch number `settings.epoch` is shuffled by epochRng(seed, epoch): training 10
 * epochs equals training 5, saving, and training 5 more. After every batch's gradient, before its
 * update is made, the new weights are checked: an update that would put a weight past
 * WEIGHT_LIMIT (or make it non-finite) is not made, and the epoch stops there (divergence.ts).
 */
export function trainEpoch(net: Net, examples: readonly Example[], settings: EpochSettings, rng?: Rng): EpochResult {
  const options = trainingOptions(settings);
  const train = trainingExamples(examples);
  const order = epochOrder(train.length, options, rng);
  const size = batchSizeOf(options, train.length);
  return trainBatches(net, train, order, size, options, size === 1 && options.mode !== 'batch');
}

/** sequential updates (batches of one, η only) on examples[order[0]], examples[order[1]], …, stopping before one that would cross the limit */
export function trainInOrder(net: Net, examples: readonly Example[], order: ArrayLike<number>, eta: number): EpochResult {
  return trainBatches(net, examples, order, 1, { learningRate: eta }, true);
}

/** the batches of `size` in order; `step` of a divergence counts updates, `example` is named when each update is one example's (`perExample`) */
function trainBatches(net: Net, examples: readonly Example[], order: ArrayLike<number> | null, size: number, settings: UpdateSettings, perExample: boolean): EpochResult {
  const n = order === null ? examples.length : order.length;
  let error = 0;
  for (let from = 0, step = 0; from < n; from += size, step++) {
    const batch = trainBatch(net, examples, order, from, Math.min(from + size, n), settings);
    if (batch.crossing) {
      const example = perExample ? (order === null ? from : order[from]) : null;
      return { error, divergence: { step, example, ...batch.crossing } };
    }
    error += batch.error;
  }
  return { error, divergence: null };
}

export interface TrainRun {
  /** training.epoch after the run (settings.epoch + completed epochs) */
  epoch: number;
  /** Σ_i E_i measured during the last completed epoch (0 when no epoch ran) */
  lastEpochError: number;
  /**
   * set when an update would have put a weight past the limit: the run stopped there, with the
   * weights before that update; `epoch` is the 1-based number of the epoch it happened in
   */
  divergence: (Divergence & { epoch: number }) | null;
}

/** several epochs from `settings.epoch` on, stopping at the first update that would diverge (epoch numbers are 1-based: settings.epoch + 1 is the first) */
export function trainEpochs(net: Net, examples: readonly Example[], settings: EpochSettings, epochs: number): TrainRun {
  let lastEpochError = 0;
  for (let done = 0; done < epochs; done++) {
    const epoch = settings.epoch + done;
    const result = trainEpoch(net, examples, { ...settings, epoch });
    if (result.divergence) return { epoch, lastEpochError, divergence: { epoch: epoch + 1, ...result.divergence } };
    lastEpochError = result.error;
  }
  return { epoch: settings.epoch + epochs, lastEpochError, divergence: null };
}
