import { compile, epochRng, shuffledOrder, type EpochResult, type Net } from '../../../engine';
import { createTrainer, kernelUnsupported, type Trainer } from '../../../engine/kernel';
import type { Example, GraphDoc, TrainingSettings } from '../../../engine/format/types';
import type { Divergence, HistoryPoint, Snapshot } from './protocol';
import { isSaturated } from './saturation';

// The training loop, free of any Worker or DOM so it runs (and is tested) in Node. The worker
// wraps it with messages and time slices. The math is the engine's Trainer (its WebAssembly kernel,
// or its pure passes, which check for divergence after every update and keep the weights before
// the update that crossed); this decides the order of steps and reports where training diverged.

/** about this many multiply-adds per chunk between checks of the clock and the weights */
const CHUNK_WORK = 50_000;

export type StepResult = { ok: true } | { ok: false; divergence: Divergence };

export class TrainingSession {
  readonly generation: number;
  private readonly net: Net;
  private readonly trainer: Trainer;
  private readonly examples: Example[];
  private readonly settings: TrainingSettings;
  private readonly identity: Int32Array;
  private order: Int32Array;
  private position = 0;
  private epoch: number;
  private updates = 0;
  private pending: HistoryPoint[] = [];

  constructor(doc: GraphDoc, generation: number, prefer: Trainer['kind'] = 'wasm') {
    this.generation = generation;
    this.net = compile(doc);
    // the app's training loop runs version 1's math (sequential or batch over every example); a
    // version-2 option it would ignore is refused, naming it, rather than trained to other weights
    const unsupported = kernelUnsupported(this.net, doc.dataset.examples, doc.training);
    if (unsupported) throw new Error(`the app does not train this option of format version 2 yet (${unsupported}); \`backprop train\` on the command line does`);
    this.examples = doc.dataset.examples;
    this.settings = doc.training;
    // a training worker needs no map function: only the training functions are built
    this.trainer = createTrainer(this.net, this.examples, { strategy: prefer === 'js' ? 'engine' : undefined, uses: 'training' });
    this.epoch = doc.training.epoch;
    this.identity = Int32Array.from({ length: this.examples.length }, (_, i) => i);
    this.order = this.identity;
    this.record();
  }

  get canTrain(): boolean {
    return this.examples.length > 0 && this.net.weights.length > 0;
  }

  get backendKind(): Trainer['kind'] {
    return this.trainer.kind;
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
    return this.trainer.weights();
  }

  snapshot(running: boolean, rate: number, seq = 0): Snapshot {
    const { error, meanError, accuracy } = this.trainer.evaluate();
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
      backend: this.trainer.kind,
      history,
      saturated: this.saturated(),
    };
  }

  /** outputs pinned with σ′ ≈ 0 (saturation.ts), at the trainer's current weights */
  private saturated(): boolean {
    this.net.weights.set(this.trainer.weights());
    return isSaturated(this.net, this.examples);
  }

  /** the next `count` examples of the epoch under way (count ≥ 1, not past the epoch's end) */
  private advance(count: number): StepResult {
    if (this.position === 0) this.order = this.epochOrder();
    const indices = this.order.subarray(this.position, this.position + count);
    const result = this.trainer.sequential(indices, this.settings.learningRate);
    if (result.divergence) return this.diverged(result, this.position + result.divergence.step + 1);
    this.moveOn(indices.length);
    return { ok: true };
  }

  private batchEpoch(): StepResult {
    const result = this.trainer.batch(this.settings.learningRate);
    if (result.divergence) return this.diverged(result, null);
    this.updates += this.examples.length;
    this.finishEpoch();
    return { ok: true };
  }

  private moveOn(steps: number): void {
    this.position += steps;
    this.updates += steps;
    if (this.position === this.examples.length) this.finishEpoch();
  }

  /** where it happened; the trainer kept the weights before the update that crossed (`example`: 1-based within the epoch, null for batch) */
  private diverged({ divergence }: EpochResult, example: number | null): StepResult {
    if (!divergence) throw new Error('diverged() without a divergence');
    if (example !== null) {
      this.position = example - 1; // the updates before it were made
      this.updates += divergence.step;
    }
    return {
      ok: false,
      divergence: {
        epoch: this.epoch,
        example,
        update: this.updates + (example === null ? this.examples.length : 1),
        edgeId: this.net.edgeIds[divergence.edgeIndex],
        value: divergence.value,
      },
    };
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
    const { error, accuracy } = this.trainer.evaluate();
    this.pending.push({ epoch: this.epoch, error, accuracy });
  }
}

/** every epoch for the first 500, then every 2nd up to 1000, every 4th up to 2000, … */
export function historyStride(epoch: number): number {
  return epoch <= 500 ? 1 : 2 ** Math.ceil(Math.log2(epoch / 500));
}
