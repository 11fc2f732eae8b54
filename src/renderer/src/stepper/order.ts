import { batchSizeOf, epochOrder, trainingOptions, type Example, type TrainingSettings } from '../../../engine';

// Training's visiting order for the epoch under way (docs/graph-format.md, "Update"): the
// training examples (test examples are never trained on) in file order, or in the seeded
// Fisher–Yates order of epochRng(seed, epoch) when shuffling; cut into batches of b — 1
// (sequential), batchSize (mini-batch), N (batch) — the last one shorter. The step-through walks
// exactly this order, so stepping a whole epoch gives the command line's weights.

export interface EpochVisits {
  /** document example indices in the order the epoch visits them (test examples left out) */
  order: readonly number[];
  /** b, examples per update */
  size: number;
}

/** one batch of the order: positions start … end − 1 */
export interface BatchSpan {
  /** 0-based */
  index: number;
  count: number;
  start: number;
  end: number;
}

/** the document indices of the examples training uses, in file order */
export function trainingIndices(examples: readonly Example[]): number[] {
  const out: number[] = [];
  examples.forEach((ex, i) => ex.test !== true && out.push(i));
  return out;
}

/** the epoch's visiting order and batch size, as the engine's trainEpoch computes them */
export function epochVisits(examples: readonly Example[], training: TrainingSettings): EpochVisits {
  const train = trainingIndices(examples);
  const options = trainingOptions(training);
  const shuffled = epochOrder(train.length, options);
  return {
    order: shuffled ? Array.from(shuffled, (t) => train[t]) : train,
    size: batchSizeOf(options, train.length),
  };
}

export const batchCount = (v: EpochVisits): number => Math.ceil(v.order.length / v.size);

/** the batch holding position `p` of the order */
export function batchAt(v: EpochVisits, p: number): BatchSpan {
  const index = Math.floor(p / v.size);
  const start = index * v.size;
  return { index, count: batchCount(v), start, end: Math.min(start + v.size, v.order.length) };
}

/** what decides the order and the batches: a change to any of these starts the epoch's walk over */
export function orderKey(training: TrainingSettings): string {
  const o = trainingOptions(training);
  return `${o.mode}|${o.batchSize}|${o.shuffle}|${o.seed}|${o.epoch}`;
}
