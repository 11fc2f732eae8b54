import { SHOW } from './constants';
import { costGap } from './costGap';
import { MovingAverage } from './movingAverage';
import type { Pace } from './policy';

// (a) When the training worker hears that a running snapshot is on screen, so the pace of
// snapshots follows the screen. What showing one costs the main thread counts the write, React's
// render and the frame's style, layout and paint. At the frame that shows a snapshot: while that
// cost fits a frame the worker hears at once (and trains on while the frame paints); else it
// hears twice the cost after the cost was measured, so snapshots take at most a third of the
// main thread and the rest is left to the person using the page.
//
//   frame:            if (pace.atOnce()) tell the worker
//   after the render: pace.observe(cost, now); if not told, tell it pace.wait(now) ms later

const waitFor = costGap(SHOW.wait);

export class ShowPace implements Pace<[ms: number, now: number]> {
  private readonly cost = new MovingAverage(SHOW.smoothing);
  private measuredAt = -Infinity;

  /** at the frame showing a snapshot: may the worker hear at once? */
  atOnce(): boolean {
    return this.cost.value <= SHOW.budgetMs;
  }

  /** showing a snapshot cost `ms`, measured at `now` (its frame rendered) */
  observe(ms: number, now: number): void {
    this.cost.add(ms);
    this.measuredAt = now;
  }

  /** for a snapshot the worker did not hear of at once: ms from `now` until it does */
  wait(now: number): number {
    return Math.max(0, this.measuredAt + waitFor(this.cost.value) - now);
  }

  reset(): void {
    this.cost.reset();
    this.measuredAt = -Infinity;
  }
}
