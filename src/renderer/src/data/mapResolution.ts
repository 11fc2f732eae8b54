import { GRID } from './maps';

// How fine a map pass's grid is. Paused, every map is GRID × GRID. While training runs, a big
// net's pass over GRID² cells takes longer than the boundary has time for (the 200-neuron DAG:
// 2,000 multiply-adds per cell, about 30 ms a pass), so its maps drop to the finest grid that a
// pass computes in about TRAINING_PASS_MS — the canvas scales it up, smoothed — and keep up
// with the weights; the full grid returns the moment training pauses. Once chosen, a grid stays
// while its passes cost between half and one and a half budgets: a pass's time on a busy machine
// varies twice over, and a grid that followed it changed several times a second, each change
// resizing every thumbnail's canvas (a new bitmap, style and layout: measured, 150 resizes in 3 s).

/** the grids a running net's maps may use, finest first */
export const TRAINING_GRIDS: readonly number[] = [GRID, 80, 64, 50, 40, 32];
/** what one map pass may cost while training runs (ms) */
export const TRAINING_PASS_MS = 8;
/** weight of the newest measurement in the moving average */
const SMOOTHING = 0.3;
/** a grid in use stays until its pass costs over this many budgets… */
const STAY_UNDER = 1.5;
/** …or the next finer grid's would cost under this many */
const REFINE_UNDER = 0.8;

export class MapResolution {
  /** ms per cell of the recent passes (a moving average); 0 before the first */
  private msPerCell = 0;
  /** index into TRAINING_GRIDS of the grid training uses, or -1 before the first choice */
  private current = -1;

  /** a pass over `cells` cells took `ms` */
  observe(cells: number, ms: number): void {
    if (cells <= 0 || !(ms >= 0)) return;
    const v = ms / cells;
    this.msPerCell = this.msPerCell === 0 ? v : this.msPerCell + SMOOTHING * (v - this.msPerCell);
  }

  /** a new network: nothing measured yet */
  reset(): void {
    this.msPerCell = 0;
    this.current = -1;
  }

  /** columns (and rows) of the next pass */
  grid(training: boolean): number {
    if (!training || this.msPerCell === 0) {
      this.current = -1;
      return GRID;
    }
    const last = TRAINING_GRIDS.length - 1;
    const fits = (i: number, budgets: number) => TRAINING_GRIDS[i] ** 2 * this.msPerCell <= budgets * TRAINING_PASS_MS;
    let i = this.current;
    if (i < 0) {
      // the first choice: the finest grid whose pass fits the budget
      i = 0;
      while (i < last && !fits(i, 1)) i++;
    } else {
      while (i < last && !fits(i, STAY_UNDER)) i++;
      while (i > 0 && fits(i - 1, REFINE_UNDER)) i--;
    }
    this.current = i;
    return TRAINING_GRIDS[i];
  }
}
