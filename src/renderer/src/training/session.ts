import {
  compile,
  epochRng,
  evaluate,
  findDivergence,
  shuffledOrder,
  trainEpoch,
  trainExample,
  type Net,
} from '../../../engine';
import type { Example, GraphDoc, TrainingSettings } from '../../../engine/types';
import type { Divergence, HistoryPoint, Snapshot } from './protocol';

// The training loop, free of any Worker or DOM so it runs (and is tested) in Node. The worker
// wraps it with messages and time slices. All math is the engine's: this only decides the order
// of steps, watches for divergence and keeps the last good weights.

/** |w| above this counts as diverged, as does any non-finite value */
export const WEIGHT_LIMIT = 1e6;

export type StepResult = { ok: true } | { ok: false; divergence: Divergence };

export class TrainingSession {
  readonly generation: number;
  private readonly net: Net;
  private readonly examples: Example[];
  private readonly settings: TrainingSettings;
  private readonly lastGood: Float64Array;
  private order: number[] = [];
  private position = 0;
  private epoch: number;
  private updates = 0;
  private pending: HistoryPoint[] = [];

  constructor(doc: GraphDoc, generation: number) {
    this.generation = generation;
    this.net = compile(doc);
    this.examples = doc.dataset.examples;
    this.settings = doc.training;
    this.epoch = doc.training.epoch;
    this.lastGood = Float64Array.from(this.net.weights);
    this.record();
  }

  get canTrain(): boolean {
    return this.examples.length > 0 && this.net.weights.length > 0;
  }

  get mode(): TrainingSettings['mode'] {
    return this.settings.mode;
  }

  /** one example's update (sequential mode); in batch mode, one whole-epoch update */
  stepExample(): StepResult {
    if (this.settings.mode === 'batch') return this.stepEpoch();
    if (this.position === 0) this.order = this.epochOrder();
    const i = this.order[this.position];
    const ex = this.examples[i];
    const e = trainExample(this.net, ex.x, ex.y, this.settings.learningRate);
    this.updates++;
    const bad = this.check(e, this.position + 1);
    if (bad) return bad;
    this.position++;
    if (this.position === this.examples.length) this.finishEpoch();
    return { ok: true };
  }

  /** the rest of the epoch under way, or a whole epoch */
  stepEpoch(): StepResult {
    if (this.settings.mode === 'batch') {
      const { error } = trainEpoch(this.net, this.examples, { ...this.settings, mode: 'batch' });
      this.updates += this.examples.length;
      const bad = this.check(error, null);
      if (bad) return bad;
      this.finishEpoch();
      return { ok: true };
    }
    const target = this.epoch + 1;
    while (this.epoch < target) {
      const r = this.stepExample();
      if (!r.ok) return r;
    }
    return { ok: true };
  }

  /** trains until `deadline` (by `now()`), checking the clock every few steps */
  runUntil(deadline: number, now: () => number): StepResult {
    const work = Math.max(1, this.examples.length === 0 ? 1 : this.net.weights.length);
    const stepsPerCheck = Math.max(1, Math.floor(20000 / work));
    while (now() < deadline) {
      for (let k = 0; k < stepsPerCheck; k++) {
        const r = this.stepExample();
        if (!r.ok) return r;
      }
    }
    return { ok: true };
  }

  snapshot(running: boolean, rate: number): Snapshot {
    const { error, meanError, accuracy } = evaluate(this.net, this.examples);
    const history = this.pending;
    this.pending = [];
    return {
      generation: this.generation,
      weights: Float64Array.from(this.net.weights),
      epoch: this.epoch,
      position: this.position,
      updates: this.updates,
      error,
      meanError,
      accuracy,
      rate,
      running,
      history,
    };
  }

  get updateCount(): number {
    return this.updates;
  }

  private epochOrder(): number[] {
    const n = this.examples.length;
    return this.settings.shuffle ? Array.from(shuffledOrder(n, epochRng(this.settings.seed, this.epoch))) : Array.from({ length: n }, (_, i) => i);
  }

  /** after a step: diverged → restore the last good weights and say where; else remember these */
  private check(stepError: number, example: number | null): StepResult | null {
    const found = findDivergence(this.net, WEIGHT_LIMIT);
    if (found === null && Number.isFinite(stepError)) {
      this.lastGood.set(this.net.weights);
      return null;
    }
    const divergence: Divergence = {
      epoch: this.epoch,
      example,
      update: this.updates,
      edgeId: found ? this.net.edgeIds[found.edgeIndex] : null,
      value: found?.value ?? stepError,
    };
    this.net.weights.set(this.lastGood);
    this.updates--;
    return { ok: false, divergence };
  }

  private finishEpoch(): void {
    this.epoch++;
    this.position = 0;
    if (this.epoch % historyStride(this.epoch) === 0) this.record();
  }

  private record(): void {
    if (this.examples.length === 0) return;
    const { error, accuracy } = evaluate(this.net, this.examples);
    this.pending.push({ epoch: this.epoch, error, accuracy });
  }
}

/** every epoch for the first 500, then every 2nd up to 1000, every 4th up to 2000, … */
export function historyStride(epoch: number): number {
  return epoch <= 500 ? 1 : 2 ** Math.ceil(Math.log2(epoch / 500));
}
