import { DOC_WRITE, REFRESH, STROKES, type CostRule } from './constants';
import { costGap } from './costGap';
import { MovingAverage } from './movingAverage';
import type { Pace } from './policy';

// Work paced by its own cost: after it ran at `at` and cost c (a moving average of the
// measurements), it may run again costGap(c) later. Document writes, a big graph's strokes and
// the nodes' numbers while training runs each have one (their rules: constants.ts).

export class CostPace implements Pace {
  private readonly cost: MovingAverage;
  private readonly gapOf: (cost: number) => number;
  private lastRun = -Infinity;

  constructor(rule: CostRule) {
    this.cost = new MovingAverage(rule.smoothing);
    this.gapOf = costGap(rule);
  }

  /** the paced work ran at `at` */
  ran(at: number): void {
    this.lastRun = at;
  }

  /** what it cost (ms), measured after it ran */
  observe(ms: number): void {
    this.cost.add(ms);
  }

  /** how long the work waits after running, from what it costs */
  gap(): number {
    return this.gapOf(this.cost.value);
  }

  /** 0 once gap() has passed since it last ran (and before it ever ran) */
  wait(now: number): number {
    return Math.max(0, this.lastRun + this.gap() - now);
  }

  /** the next may run at once, what it costs is still known (training paused, then plays again) */
  forgetLastRun(): void {
    this.lastRun = -Infinity;
  }

  reset(): void {
    this.forgetLastRun();
    this.cost.reset();
  }
}

/** (b) running weights into the document: every snapshot while cheap, else at most once a second */
export const createDocWritePace = (): CostPace => new CostPace(DOC_WRITE);
/** (c) a big graph's strokes following the weights (a graph that is not big restrokes every snapshot) */
export const createStrokePace = (): CostPace => new CostPace(STROKES);
/** (d) the nodes' numbers while training runs: every snapshot while cheap, else at least four times a second */
export const createRefreshPace = (): CostPace => new CostPace(REFRESH);
