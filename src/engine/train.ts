// Gradient descent: sequential (update after each example) or batch (one update per epoch).

import type { Example, TrainingSettings } from './format/types';
import type { Net } from './compile';
import { backward, forward } from './pass';
import { epochRng, shuffledOrder, type Rng } from './random';
import { findDivergence } from './divergence';

/** what an epoch reads of the settings: version 1's keys, and version 2's where given (else their defaults) */
export type EpochSettings = Pick<TrainingSettings, 'learningRate' | 'mode' | 'shuffle' | 'seed' | 'epoch'> & Partial<TrainingSettings>;

export interface EpochResult {
  /** Σ_i E_i as measured during the epoch (each E_i before its own update in sequential mode) */
  error: number;
}

/** w ← w − η ∂E_i/∂w for one example; returns E_i before the update */
export function trainExample(net: Net, x: ArrayLike<number>, y: ArrayLike<number>, eta: number): number {
  forward(net, x);
  const error = backward(net, y);
  const { weights, grad } = net;
  for (let e = 0; e < weights.length; e++) weights[e] -= eta * grad[e];
  return error;
}

/** sequential: one step per example (file order, or a seeded shuffle); batch: w ← w − η Σ_i ∂E_i/∂w at the old w */
export function trainEpoch(net: Net, examples: readonly Example[], settings: EpochSettings, rng?: Rng): EpochResult {
  return settings.mode === 'batch'
    ? trainBatchEpoch(net, examples, settings.learningRate)
    : trainSequentialEpoch(net, examples, settings, rng);
}

/**
 * When shuffling without an explicit `rng`, epoch number `settings.epoch` is shuffled by
 * epochRng(seed, epoch): training 10 epochs equals training 5, saving, and training 5 more.
 */
function trainSequentialEpoch(net: Net, examples: readonly Example[], settings: EpochSettings, rng?: Rng): EpochResult {
  const eta = settings.learningRate;
  let error = 0;
  if (settings.shuffle) {
    const order = shuffledOrder(examples.length, rng ?? epochRng(settings.seed, settings.epoch));
    for (let p = 0; p < order.length; p++) error += trainExample(net, examples[order[p]].x, examples[order[p]].y, eta);
  } else {
    for (const ex of examples) error += trainExample(net, ex.x, ex.y, eta);
  }
  return { error };
}

function trainBatchEpoch(net: Net, examples: readonly Example[], eta: number): EpochResult {
  const { weights, grad, gradSum } = net;
  gradSum.fill(0); // Σ_i ∂E_i/∂w starts at zero every epoch
  let error = 0;
  for (const ex of examples) {
    forward(net, ex.x);
    error += backward(net, ex.y);
    for (let e = 0; e < gradSum.length; e++) gradSum[e] += grad[e];
  }
  for (let e = 0; e < weights.length; e++) weights[e] -= eta * gradSum[e];
  return { error };
}

export interface TrainRun {
  /** training.epoch after the run (settings.epoch + completed epochs) */
  epoch: number;
  /** Σ_i E_i measured during the last completed epoch (0 when no epoch ran) */
  lastEpochError: number;
  /** set when a weight became non-finite or exceeded the limit; the run stopped after that epoch */
  divergence: { epoch: number; edgeIndex: number; value: number } | null;
}

/** several epochs from `settings.epoch` on, stopping at the first epoch that diverges (its number is 1-based: settings.epoch + 1 is the first) */
export function trainEpochs(
  net: Net,
  examples: readonly Example[],
  settings: EpochSettings,
  epochs: number,
  limit = 1e6,
): TrainRun {
  let lastEpochError = 0;
  for (let done = 0; done < epochs; done++) {
    const epoch = settings.epoch + done;
    lastEpochError = trainEpoch(net, examples, { ...settings, epoch }).error;
    const bad = findDivergence(net, limit);
    if (bad) return { epoch: epoch + 1, lastEpochError, divergence: { epoch: epoch + 1, ...bad } };
  }
  return { epoch: settings.epoch + epochs, lastEpochError, divergence: null };
}
