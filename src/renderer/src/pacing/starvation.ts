import { STARVED } from './constants';
import { MovingAverage } from './movingAverage';
import type { Policy } from './policy';

// (h) Whether the page is starved while training runs: the share of late frames among the recent
// ones (frame intervals over STARVED.lateMs, through a moving average), with hysteresis — starved
// above `onAbove`, fed below `offBelow`, and no change within `holdMs` of the last. The training
// controller measures the intervals (one animation frame to the next) and, while starved, asks the
// worker to rest a slice after each slice, so training gives up its time before the interface does.
//
// Starved for long, the rest grows: a step of STARVED.restMs for every hold the page stays starved
// with the late share still over `onAbove` (the last rest was not enough).
//
//   each frame while running: starvation.observe(now - lastFrame, now); the worker rests starvation.restMs after each slice

export class Starvation implements Policy<[intervalMs: number, now: number]> {
  private readonly late = new MovingAverage(STARVED.smoothing);
  private on = false;
  private changedAt = -Infinity;
  /** the step of STARVED.restMs while starved */
  private level = 0;

  /** the page is starved: training should yield */
  get starved(): boolean {
    return this.on;
  }

  /** the worker's rest after each slice: 0 while the page is fed */
  get restMs(): number {
    return this.on ? STARVED.restMs[this.level] : 0;
  }

  /** one frame interval (ms), ending at `now` */
  observe(intervalMs: number, now: number): void {
    this.late.add(intervalMs > STARVED.lateMs ? 1 : 0);
    if (now - this.changedAt < STARVED.holdMs) return;
    const next = this.on ? this.late.value >= STARVED.offBelow : this.late.value > STARVED.onAbove;
    if (next !== this.on) {
      this.on = next;
      this.level = 0;
      this.changedAt = now;
    } else if (this.on && this.late.value > STARVED.onAbove && this.level < STARVED.restMs.length - 1) {
      this.level++;
      this.changedAt = now;
    }
  }

  reset(): void {
    this.late.reset();
    this.on = false;
    this.level = 0;
    this.changedAt = -Infinity;
  }
}
