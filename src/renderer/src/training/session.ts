import {
  batchSizeOf,
  compile,
  epochOrder,
  epochRng,
  isBlowingUp,
  penalty,
  shuffledOrder,
  trainingExamples,
  trainingOptions,
  type Divergence as EngineDivergence,
  type EpochResult,
  type Net,
  type TrainingOptions,
} from '../../../engine';
import { createTrainer, kernelUnsupported, type Trainer } from '../../../engine/kernel';
import type { Example, GraphDoc, TrainingSettings } from '../../../engine/format/types';
import type { Divergence, HistoryPoint, Metrics, Snapshot } from './protocol';
import { isSaturated } from './saturation';

// The training loop, free of any Worker or DOM so it runs (and is tested) in Node. The worker
// wraps it with messages and time slices. The math is the engine's Trainer (its WebAssembly kernel,
// or its pure passes, which check for divergence after every update and keep the weights before
// the update that crossed); this decides the order of steps and reports where training diverged.
//
// Two loops. Version 1's settings (sequential or batch over every example, no regulariser, no
// momentum) step example by example through the Trainer's `sequential` and `batch`. Any other
// setting (mini-batches, L1/L2, momentum, test examples) goes through the Trainer's `trainEpoch`,
// which runs the spec's update exactly: whole epochs, and single batches as a batch-mode epoch
// over just that batch's examples (the same sums in the same order). Where the kernel does not
// compute an option (kernelUnsupported) the pure engine trains, and the snapshot says why.

/** about this many multiply-adds per chunk between checks of the clock and the weights */
const CHUNK_WORK = 50_000;
/** an epoch of more multiply-adds than this (examples × edges) trains on the engine a few batches at a time, so pause is heard */
export const BIG_EPOCH_WORK = 20 * CHUNK_WORK;

export type StepResult = { ok: true } | { ok: false; divergence: Divergence };

/** the settings version 1's loop trains exactly: sequential or batch, no regulariser, no momentum, no test examples */
export function isVersion1Loop(options: TrainingOptions, examples: readonly Example[]): boolean {
  const plainMode = options.mode === 'sequential' || options.mode === 'batch';
  const regularized = options.regularization.kind !== 'none' && options.regularization.rate > 0;
  return plainMode && !regularized && options.momentum === 0 && !examples.some((ex) => ex.test === true);
}

export class TrainingSession {
  readonly generation: number;
  private readonly net: Net;
  private readonly trainer: Trainer;
  /** every example: the trainer holds these (evaluate, version 1's indices) */
  private readonly examples: Example[];
  /** the examples training visits: every one not marked test */
  private readonly trainSet: readonly Example[];
  private readonly settings: TrainingSettings;
  private readonly options: TrainingOptions;
  private readonly version1: boolean;
  private readonly engineReason: string | null;
  private readonly identity: Int32Array;
  private order: Int32Array | null;
  private position = 0;
  private epoch: number;
  private updates = 0;
  private pending: HistoryPoint[] = [];
  /** the last weights whose E was finite and not blowing up, where they were, and that E */
  private good: Checkpoint | null = null;
  /** the smallest E measured (at each recorded epoch's end): what "blowing up" is measured against */
  private smallestError = Infinity;

  /** `start`: examples of the epoch `doc.training.epoch` already trained (at a batch's start), where its steps go on from */
  constructor(doc: GraphDoc, generation: number, prefer: Trainer['kind'] = 'wasm', start = 0) {
    this.generation = generation;
    this.net = compile(doc);
    this.examples = doc.dataset.examples;
    this.trainSet = trainingExamples(this.examples);
    this.settings = doc.training;
    this.options = trainingOptions(doc.training);
    this.version1 = isVersion1Loop(this.options, this.examples);
    // an option the kernel does not compute trains with the pure engine (the same Trainer API)
    this.engineReason = kernelUnsupported(this.net, this.examples, doc.training);
    const strategy = prefer === 'js' || this.engineReason !== null ? 'engine' : undefined;
    // a training worker needs no map function: only the training functions are built
    this.trainer = createTrainer(this.net, this.examples, { strategy, uses: 'training' });
    this.epoch = doc.training.epoch;
    this.identity = Int32Array.from({ length: this.trainSet.length }, (_, i) => i);
    this.order = this.identity;
    this.startAt(start);
    this.record();
  }

  /** go on from position `start` of the epoch under way (the step-through trained the batches before it); 0 or out of range: the epoch's start */
  private startAt(start: number): void {
    const n = this.trainSet.length;
    if (!(start > 0 && start < n) || this.settings.mode === 'batch') return;
    this.position = start - (start % this.batchSize);
    if (this.position === 0) return;
    this.order = this.version1 ? this.version1Order() : epochOrder(n, this.epochSettings());
  }

  get canTrain(): boolean {
    return this.trainSet.length > 0 && this.net.weights.length > 0;
  }

  get backendKind(): Trainer['kind'] {
    return this.trainer.kind;
  }

  get updateCount(): number {
    return this.updates;
  }

  /** b: examples per update (1 sequential, batchSize mini-batch, N batch) */
  private get batchSize(): number {
    return batchSizeOf(this.options, this.trainSet.length);
  }

  /** one update: one example (sequential), one mini-batch, or in batch mode one whole-epoch update */
  stepExample(): StepResult {
    if (!this.version1) return this.batches(1);
    return this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(1);
  }

  /** the rest of the epoch under way, or a whole epoch */
  stepEpoch(): StepResult {
    if (!this.version1) return this.restOfEpoch();
    return this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(this.trainSet.length - this.position);
  }

  /** trains until `deadline` (by `now()`) or `maxUpdates` example-updates, checking the clock between chunks */
  runUntil(deadline: number, now: () => number, maxUpdates = Infinity): StepResult {
    const chunk = Math.max(1, Math.floor(CHUNK_WORK / Math.max(1, this.net.numEdges)));
    const limit = this.updates + maxUpdates;
    const n = this.trainSet.length;
    do {
      const left = limit - this.updates;
      const r = this.version1 ? this.version1Chunk(left, chunk) : this.version2Chunk(left);
      if (r === null) break;
      if (!r.ok) return r;
    } while (now() < deadline && n > 0);
    return { ok: true };
  }

  /** a batch update costs a whole epoch of the allowance; a sequential chunk what is left of it; null: nothing allowed now */
  private version1Chunk(left: number, chunk: number): StepResult | null {
    const n = this.trainSet.length;
    if (this.settings.mode === 'batch' ? left < n : left < 1) return null;
    return this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(Math.min(chunk, n - this.position, left));
  }

  /**
   * the rest of an epoch begun by a step, else a whole epoch, once the allowance covers it; a big
   * epoch on the engine a chunk of batches at a time (each batch costs the trainer nothing to
   * hand over there); null: nothing allowed now
   */
  private version2Chunk(left: number): StepResult | null {
    const rest = this.trainSet.length - this.position;
    const big = this.trainer.strategy === 'engine' && this.trainSet.length * this.net.numEdges > BIG_EPOCH_WORK;
    if (!big) return left < rest ? null : this.restOfEpoch();
    const b = this.batchSize;
    const count = Math.min(Math.max(1, Math.floor(CHUNK_WORK / (b * Math.max(1, this.net.numEdges)))), Math.ceil(rest / b));
    if (left < Math.min(rest, count * b)) return null;
    return this.batches(count);
  }

  /** example-updates one epoch takes (the same in every mode) */
  get updatesPerEpoch(): number {
    return this.trainSet.length;
  }

  /** a copy of the current weights (doc.edges order) */
  weights(): Float64Array {
    return this.trainer.weights();
  }

  /** momentum's v (doc.edges order), or null with momentum off */
  velocities(): Float64Array | null {
    if (this.options.momentum === 0) return null;
    return this.trainer.velocity();
  }

  snapshot(running: boolean, rate: number, seq = 0): Snapshot {
    const { train, test } = this.metrics();
    const history = this.pending;
    this.pending = [];
    return {
      generation: this.generation,
      seq,
      weights: this.weights(),
      epoch: this.epoch,
      position: this.position,
      updates: this.updates,
      error: train.error,
      meanError: train.meanError,
      accuracy: train.accuracy,
      meanSquaredError: train.meanSquaredError,
      test,
      penalty: penalty(this.syncedNet(), this.options.regularization),
      velocities: this.velocities(),
      rate,
      running,
      backend: this.trainer.kind,
      engineReason: this.trainer.kind === 'js' ? this.engineReason : null,
      history,
      saturated: this.saturated(),
    };
  }

  /** the net with the trainer's current weights (the kernel trains weights of its own) */
  private syncedNet(): Net {
    if (this.trainer.strategy !== 'engine') this.net.weights.set(this.trainer.weights());
    return this.net;
  }

  /** train and test metrics apart (the trainer's evaluateSplit, the engine's bit for bit); without test examples its evaluate */
  private metrics(): { train: Metrics; test: Metrics | null } {
    if (this.trainSet.length === this.examples.length) return { train: this.trainer.evaluate(), test: null };
    const split = this.trainer.evaluateSplit();
    return { train: split.train, test: split.testCount > 0 ? split.test : null };
  }

  /** outputs pinned with σ′ ≈ 0 (saturation.ts), at the trainer's current weights */
  private saturated(): boolean {
    return isSaturated(this.syncedNet(), this.trainSet);
  }

  // ---- version 1's loop ----------------------------------------------------------------------

  /** the next `count` examples of the epoch under way (count ≥ 1, not past the epoch's end) */
  private advance(count: number): StepResult {
    if (this.position === 0) this.order = this.version1Order();
    const order = this.order ?? this.identity;
    const indices = order.subarray(this.position, this.position + count);
    const result = this.trainer.sequential(indices, this.settings.learningRate);
    if (result.divergence) return this.diverged(result, this.position + result.divergence.step + 1);
    this.moveOn(indices.length);
    return { ok: true };
  }

  private batchEpoch(): StepResult {
    const result = this.trainer.batch(this.settings.learningRate);
    if (result.divergence) return this.diverged(result, null);
    this.updates += this.trainSet.length;
    this.finishEpoch();
    return { ok: true };
  }

  private version1Order(): Int32Array {
    return this.settings.shuffle ? shuffledOrder(this.trainSet.length, epochRng(this.settings.seed, this.epoch)) : this.identity;
  }

  // ---- version 2's loop: the Trainer's trainEpoch ---------------------------------------------

  /** the epoch's settings: this epoch's number, so its shuffle is epochRng(seed, epoch) */
  private epochSettings(): TrainingSettings {
    return { ...this.settings, epoch: this.epoch };
  }

  /** the rest of the epoch: all of it in one trainEpoch when none is done yet, else batch by batch */
  private restOfEpoch(): StepResult {
    if (this.position > 0) return this.batches(Math.ceil((this.trainSet.length - this.position) / this.batchSize));
    const result = this.trainer.trainEpoch(this.epochSettings());
    if (result.divergence) return this.version2Diverged(result.divergence);
    this.updates += this.trainSet.length;
    this.finishEpoch();
    return { ok: true };
  }

  /** the next `count` batches of the epoch under way (not past its end) */
  private batches(count: number): StepResult {
    for (let i = 0; i < count && this.trainSet.length > 0; i++) {
      const r = this.oneBatch();
      if (!r.ok) return r;
    }
    return { ok: true };
  }

  /**
   * One update on the next batch of the epoch's order: a batch-mode epoch over exactly that
   * batch's examples, in batch order — the sum, the regulariser and the momentum step the whole
   * epoch would make at this point. The trainer holds every example again afterwards.
   */
  private oneBatch(): StepResult {
    if (this.position === 0) this.order = epochOrder(this.trainSet.length, this.epochSettings());
    const b = this.batchSize;
    const end = Math.min(this.position + b, this.trainSet.length);
    const batch: Example[] = [];
    for (let p = this.position; p < end; p++) batch.push(this.trainSet[this.order === null ? p : this.order[p]]);
    this.trainer.setExamples(batch);
    let result: EpochResult;
    try {
      result = this.trainer.trainEpoch({ ...this.epochSettings(), mode: 'batch', shuffle: false });
    } finally {
      this.trainer.setExamples(this.examples);
    }
    if (result.divergence) return this.version2Diverged({ ...result.divergence, step: Math.floor(this.position / b), example: null });
    this.moveOn(end - this.position);
    return { ok: true };
  }

  /** an update of version 2's loop would have crossed: the ones before it were made */
  private version2Diverged(d: EngineDivergence): StepResult {
    const b = this.batchSize;
    const made = Math.min(d.step * b, this.trainSet.length) - this.position;
    const sequential = b === 1 && this.options.mode !== 'batch';
    this.position += Math.max(0, made);
    this.updates += Math.max(0, made);
    const example = sequential ? this.position + 1 : null;
    const where: Divergence = {
      epoch: this.epoch,
      example,
      ...(this.options.mode === 'minibatch' && !sequential ? { batch: d.step + 1 } : {}),
      update: this.updates + (sequential ? 1 : Math.min(b, this.trainSet.length - this.position)),
      edgeId: this.net.edgeIds[d.edgeIndex],
      value: d.value,
    };
    return { ok: false, divergence: this.withGoodWeights(where) };
  }

  // ---- the last good weights ------------------------------------------------------------------

  /** the weights now become the last good ones when their E is finite and not blowing up; whether they did */
  private keepIfGood(error: number): boolean {
    if (isBlowingUp(error, this.smallestError)) return false;
    this.smallestError = Math.min(this.smallestError, error);
    this.good = { weights: this.trainer.weights(), velocities: this.velocities(), epoch: this.epoch, position: this.position, order: this.order, error };
    return true;
  }

  /**
   * After a divergence: the weights before the failing update stay when their E is good; else the
   * last good weights come back, with their epoch, position and momentum, and `divergence` says so.
   * (Updates made stay counted: `updates` counts work done, and the readout's rate with it.)
   */
  private withGoodWeights(divergence: Divergence): Divergence {
    if (this.keepIfGood(this.metrics().train.error) || this.good === null) return divergence;
    const good = this.good;
    this.trainer.setWeights(good.weights);
    if (good.velocities) this.trainer.setVelocity(good.velocities);
    this.epoch = good.epoch;
    this.position = good.position;
    this.order = good.order;
    return { ...divergence, restored: { epoch: good.epoch, position: good.position, error: good.error } };
  }

  // ---- both ----------------------------------------------------------------------------------

  private moveOn(steps: number): void {
    this.position += steps;
    this.updates += steps;
    if (this.position === this.trainSet.length) this.finishEpoch();
  }

  /** where it happened; the trainer kept the weights before the update that crossed (`example`: 1-based within the epoch, null for batch) */
  private diverged({ divergence }: EpochResult, example: number | null): StepResult {
    if (!divergence) throw new Error('diverged() without a divergence');
    if (example !== null) {
      this.position = example - 1; // the updates before it were made
      this.updates += divergence.step;
    }
    const where = {
      epoch: this.epoch,
      example,
      update: this.updates + (example === null ? this.trainSet.length : 1),
      edgeId: this.net.edgeIds[divergence.edgeIndex],
      value: divergence.value,
    };
    return { ok: false, divergence: this.withGoodWeights(where) };
  }

  private finishEpoch(): void {
    this.epoch++;
    this.position = 0;
    if (this.epoch % historyStride(this.epoch) === 0) this.record();
  }

  private record(): void {
    if (this.examples.length === 0) return;
    const { train, test } = this.metrics();
    this.keepIfGood(train.error);
    const point: HistoryPoint = { epoch: this.epoch, error: train.error, meanError: train.meanError, accuracy: train.accuracy };
    if (test) point.test = { error: test.error, meanError: test.meanError, accuracy: test.accuracy };
    this.pending.push(point);
  }
}

/** weights and where training stood with them */
interface Checkpoint {
  weights: Float64Array;
  velocities: Float64Array | null;
  epoch: number;
  position: number;
  order: Int32Array | null;
  error: number;
}

/** every epoch for the first 500, then every 2nd up to 1000, every 4th up to 2000, … */
export function historyStride(epoch: number): number {
  return epoch <= 500 ? 1 : 2 ** Math.ceil(Math.log2(epoch / 500));
}
