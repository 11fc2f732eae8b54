// Epochs one after another on a CliTrainer, yielding to the event loop every few tens of
// milliseconds so that Ctrl+C (an AbortSignal) stops training cleanly between two epochs.

import type { Divergence, Net, SplitEvaluation, TrainingSettings } from '../../engine';
import type { CliTrainer } from './kernelTrainer';

export interface TrainLoopOptions {
  /** settings.epoch is the number of epochs already done (it picks each epoch's shuffle order) */
  settings: TrainingSettings;
  epochs: number;
  /** stop after the epoch in progress */
  signal?: AbortSignal;
  /** after every epoch, with E and accuracy (train and test) at its end (computing them costs forward passes: only when asked) */
  onEpoch?: (epoch: number, evaluation: SplitEvaluation) => void;
  /** every time the loop yields: epochs done so far in this run */
  onProgress?: (done: number) => void;
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
  /** the update that would have put a weight past the limit (not made; the run stopped there), in its 1-based epoch */
  divergence: (Divergence & { epoch: number }) | null;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function trainLoop(trainer: CliTrainer, net: Net, options: TrainLoopOptions): Promise<TrainOutcome> {
  const { settings, epochs, signal, onEpoch, onProgress, now = () => performance.now(), sliceMs = 40 } = options;
  let sliceStart = now();
  for (let done = 0; done < epochs; done++) {
    if (signal?.aborted) return { epoch: settings.epoch + done, done, stopped: true, divergence: null };
    const epoch = settings.epoch + done;
    const result = trainer.epoch({ ...settings, epoch }); // divergence is checked after every update
    trainer.sync();
    if (result.divergence) return { epoch, done, stopped: false, divergence: { epoch: epoch + 1, ...result.divergence } };
    if (onEpoch) onEpoch(epoch + 1, trainer.evaluate()); // evaluating costs forward passes: only for a log
    if (now() - sliceStart >= sliceMs) {
      onProgress?.(done + 1);
      await nextTurn();
      sliceStart = now();
    }
  }
  return { epoch: settings.epoch + epochs, done: epochs, stopped: false, divergence: null };
}
