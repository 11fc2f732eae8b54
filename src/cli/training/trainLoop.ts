// Epochs one after another on a CliTrainer, yielding to the event loop every few tens of
// milliseconds so that Ctrl+C (an AbortSignal) stops training cleanly between two epochs.

import { findDivergence, type Evaluation, type Net, type TrainingSettings } from '../../engine';
import type { CliTrainer } from './kernelTrainer';

export interface TrainLoopOptions {
  /** settings.epoch is the number of epochs already done (it picks each epoch's shuffle order) */
  settings: TrainingSettings;
  epochs: number;
  /** stop after the epoch in progress */
  signal?: AbortSignal;
  /** after every epoch, with E and accuracy at its end (computing them costs forward passes: only when asked) */
  onEpoch?: (epoch: number, evaluation: Evaluation) => void;
  /** every time the loop yields: epochs done so far in this run */
  onProgress?: (done: number) => void;
  /** |w| above this (or non-finite) stops the run as diverged */
  limit?: number;
  now?: () => number;
  /** wall-clock milliseconds between two yields */
  sliceMs?: number;
}

export interface TrainOutcome {
  /** training.epoch after the run */
  epoch: number;
  /** epochs completed in this run */
  done: number;
  stopped: boolean;
  divergence: { epoch: number; edgeIndex: number; value: number } | null;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function trainLoop(trainer: CliTrainer, net: Net, options: TrainLoopOptions): Promise<TrainOutcome> {
  const { settings, epochs, signal, onEpoch, onProgress, limit = 1e6, now = () => performance.now(), sliceMs = 40 } = options;
  let sliceStart = now();
  for (let done = 0; done < epochs; done++) {
    if (signal?.aborted) return { epoch: settings.epoch + done, done, stopped: true, divergence: null };
    const epoch = settings.epoch + done;
    trainer.epoch({ ...settings, epoch });
    trainer.sync();
    const bad = findDivergence(net, limit);
    if (bad) return { epoch: epoch + 1, done: done + 1, stopped: false, divergence: { epoch: epoch + 1, ...bad } };
    if (onEpoch) onEpoch(epoch + 1, trainer.evaluate()); // evaluating costs forward passes: only for a log
    if (now() - sliceStart >= sliceMs) {
      onProgress?.(done + 1);
      await nextTurn();
      sliceStart = now();
    }
  }
  return { epoch: settings.epoch + epochs, done: epochs, stopped: false, divergence: null };
}
