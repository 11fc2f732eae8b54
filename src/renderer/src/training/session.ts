import { compile, epochRng, findDivergence, shuffledOrder, type Net } from '../../../engine';
import type { Example, GraphDoc, TrainingSettings } from '../../../engine/format/types';
import { createBackend, type Backend } from './backend';
import type { Divergence, HistoryPoint, Snapshot } from './protocol';

// The training loop, free of any Worker or DOM so it runs (and is tested) in Node. The worker
// wraps it with messages and time slices. The math is the engine's (its WebAssembly kernel, or
// its pure passes); this decides the order of steps, watches for divergence and keeps the last
// good weights. Steps run in chunks; when a chunk ends diverged, it is replayed one example at a
// time from the last good weights to find the exact step and parameter.

/** |w| above this counts as diverged, as does any non-finite value */
export const WEIGHT_LIMIT = 1e6;
/** about this many multiply-adds per chunk between checks of the clock and the weights */
const CHUNK_WORK = 50_000;

export type StepResult = { ok: true } | { ok: false; divergence: Divergence };

export class TrainingSession {
  readonly generation: number;
  private readonly net: Net;
  private readonly backend: Backend;
  private readonly examples: Example[];
  private readonly settings: TrainingSettings;
  private readonly lastGood: Float64Array;
  private readonly identity: Int32Array;
  private order: Int32Array;
  private position = 0;
  private epoch: number;
  private updates = 0;
  private pending: HistoryPoint[] = [];

  constructor(doc: GraphDoc, generation: number, prefer: 'wasm' | 'js' = 'wasm') {
    this.generation = generation;
    this.net = compile(doc);
    this.examples = doc.dataset.examples;
    this.settings = doc.training;
    this.backend = createBackend(this.net, this.examples, prefer);
    this.epoch = doc.training.epoch;
    this.lastGood = Float64Array.from(this.net.weights);
    this.identity = Int32Array.from({ length: this.examples.length }, (_, i) => i);
    this.order = this.identity;
    this.record();
  }

  get canTrain(): boolean {
    return this.examples.length > 0 && this.net.weights.length > 0;
  }

  get backendKind(): Backend['kind'] {
    return this.backend.kind;
  }

  get updateCount(): number {
    return this.updates;
  }

  /** one example's update (sequential mode); in batch mode, one whole-epoch update */
  stepExample(): StepResult {
    return this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(1);
  }

  /** the rest of the epoch under way, or a whole epoch */
  stepEpoch(): StepResult {
    return this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(this.examples.length - this.position);
  }

  /** trains until `deadline` (by `now()`) or `maxUpdates` example-updates, checking the clock between chunks */
  runUntil(deadline: number, now: () => number, maxUpdates = Infinity): StepResult {
    const chunk = Math.max(1, Math.floor(CHUNK_WORK / Math.max(1, this.net.numEdges)));
    const limit = this.updates + maxUpdates;
    const n = this.examples.length;
    do {
      const left = limit - this.updates;
      // a batch update costs a whole epoch of the allowance; a sequential chunk what is left of it
      if (this.settings.mode === 'batch' ? left < n : left < 1) break;
      const r = this.settings.mode === 'batch' ? this.batchEpoch() : this.advance(Math.min(chunk, n - this.position, left));
      if (!r.ok) return r;
    } while (now() < deadline);
    return { ok: true };
  }

  /** example-updates one epoch takes (the same in both modes) */
  get updatesPerEpoch(): number {
    return this.examples.length;
  }

  /** a copy of the current weights (doc.edges order) */
  weights(): Float64Array {
    return Float64Array.from(this.net.weights);
  }

  snapshot(running: boolean, rate: number, seq = 0): Snapshot {
    const { error, meanError, accuracy } = this.backend.evaluate();
    const history = this.pending;
    this.pending = [];
    return {
      generation: this.generation,
      seq,
      weights: this.weights(),
      epoch: this.epoch,
      position: this.position,
      updates: this.updates,
      error,
      meanError,
      accuracy,
      rate,
      running,
      backend: this.backend.kind,
      history,
    };
  }

  /** the next `count` examples of the epoch under way (count ≥ 1, not past the epoch's end) */
  private advance(count: number): StepResult {
    if (this.position === 0) this.order = this.epochOrder();
    const indices = this.order.subarray(this.position, this.position + count);
    const error = this.backend.sequential(indices, this.settings.learningRate);
    this.backend.sync();
    if (this.healthy(error)) {
      this.lastGood.set(this.net.weights);
      this.moveOn(indices.length);
      return { ok: true };
    }
    this.backend.setWeights(this.lastGood);
    for (let j = 0; j < indices.length; j++) {
      const e = this.backend.sequential(indices.subarray(j, j + 1), this.settings.learningRate);
      this.backend.sync();
      if (!this.healthy(e)) return this.diverged(e, this.position + 1);
      this.lastGood.set(this.net.weights);
      this.moveOn(1);
    }
    return { ok: true }; // not reached for a deterministic kernel; harmless otherwise
  }

  private batchEpoch(): StepResult {
    const error = this.backend.batch(this.settings.learningRate);
    this.backend.sync();
    if (!this.healthy(error)) return this.diverged(error, null);
    this.lastGood.set(this.net.weights);
    this.updates += this.examples.length;
    this.finishEpoch();
    return { ok: true };
  }

  private moveOn(steps: number): void {
    this.position += steps;
    this.updates += steps;
    if (this.position === this.examples.length) this.finishEpoch();
  }

  private healthy(error: number): boolean {
    return Number.isFinite(error) && findDivergence(this.net, WEIGHT_LIMIT) === null;
  }

  /** restores the last good weights and says where it happened */
  private diverged(error: number, example: number | null): StepResult {
    const found = findDivergence(this.net, WEIGHT_LIMIT);
    const divergence: Divergence = {
      epoch: this.epoch,
      example,
      update: this.updates + (example === null ? this.examples.length : 1),
      edgeId: found ? this.net.edgeIds[found.edgeIndex] : null,
      value: found ? found.value : error,
    };
    this.backend.setWeights(this.lastGood);
    return { ok: false, divergence };
  }

  private epochOrder(): Int32Array {
    return this.settings.shuffle ? shuffledOrder(this.examples.length, epochRng(this.settings.seed, this.epoch)) : this.identity;
  }

  private finishEpoch(): void {
    this.epoch++;
    this.position = 0;
    if (this.epoch % historyStride(this.epoch) === 0) this.record();
  }

  private record(): void {
    if (this.examples.length === 0) return;
    const { error, accuracy } = this.backend.evaluate();
    this.pending.push({ epoch: this.epoch, error, accuracy });
  }
}

/** every epoch for the first 500, then every 2nd up to 1000, every 4th up to 2000, … */
export function historyStride(epoch: number): number {
  return epoch <= 500 ? 1 : 2 ** Math.ceil(Math.log2(epoch / 500));
}
