import { batchAt, type EpochVisits } from './order';

// Where the step-through stands in training's epoch: how many examples of the visiting order
// (order.ts) are done, and the gradient summed so far over the batch under way. Every example
// of a batch is taken at the same weights, the ones before the batch's update; the update comes
// after the batch's last example, from the sum G_e = Σ_{i∈B} ∂E_i/∂w_e added in batch order
// starting at +0 — the engine's trainBatch, term for term.

export interface EpochProgress {
  /** examples of the epoch's order already stepped to their end (0 … N − 1) */
  readonly done: number;
  /** Σ ∂E_i/∂w over the batch under way's examples done so far, per edge id (empty at a batch's start) */
  readonly sum: Readonly<Record<string, number>>;
}

export const EPOCH_START: EpochProgress = { done: 0, sum: {} };

/** the sum once `grads` is added (the engine's gradSum[e] += grad[e], from +0) */
export function runningSum(progress: EpochProgress, grads: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id in grads) out[id] = (progress.sum[id] ?? 0) + grads[id];
  return out;
}

/** the progress after the example at position `done` is added to the sum (no update yet) */
export function addToSum(progress: EpochProgress, grads: Readonly<Record<string, number>>): EpochProgress {
  return { done: progress.done + 1, sum: runningSum(progress, grads) };
}

/** the progress after the batch's update: the next batch starts with an empty sum (a finished epoch starts over) */
export function afterUpdate(progress: EpochProgress, visits: EpochVisits): EpochProgress {
  const done = progress.done + 1;
  return done >= visits.order.length ? EPOCH_START : { done, sum: {} };
}

/** the weights changed under a batch: its sum is void, so the batch starts over at its first example */
export function restartBatch(progress: EpochProgress, visits: EpochVisits): EpochProgress {
  if (progress.done >= visits.order.length) return EPOCH_START;
  return { done: batchAt(visits, progress.done).start, sum: {} };
}
