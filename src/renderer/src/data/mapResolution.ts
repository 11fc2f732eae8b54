import { GRID } from './maps';

// How fine a map pass's grid is. Paused, every map is GRID × GRID. While training runs, a big
// net's pass over GRID² cells takes longer than the boundary has time for (the 200-neuron DAG:
// 2,000 multiply-adds per cell, about 30 ms a pass), so its maps drop to the finest grid that a
// pass computes in about TRAINING_PASS_MS — the canvas scales it up, smoothed — and keep up
// with the weights; the full grid returns the moment training pauses.

/** the grids a running net's maps may use, finest first */
export const TRAINING_GRIDS: readonly number[] = [GRID, 80, 64, 50, 40, 32];
/** what one map pass may cost while training runs (ms) */
export const TRAINING_PASS_MS = 8;
/** weight of the newest measurement in the moving average */
const SMOOTHING = 0.3;

export class MapResolution {
  /** ms per cell of the recent passes (a moving average); 0 before the first */
  private msPerCell = 0;

  /** a pass over `cells` cells took `ms` */
  observe(cells: number, ms: number): void {
    if (cells <= 0 || !(ms >= 0)) return;
    const v = ms / cells;
    this.msPerCell = this.msPerCell === 0 ? v : this.msPerCell + SMOOTHING * (v - this.msPerCell);
  }

  /** a new network: nothing measured yet */
  reset(): void {
    this.msPerCell = 0;
  }

  /** columns (and rows) of the next pass */
  grid(training: boolean): number {
    if (!training || this.msPerCell === 0) return GRID;
    return TRAINING_GRIDS.find((g) => g * g * this.msPerCell <= TRAINING_PASS_MS) ?? TRAINING_GRIDS[TRAINING_GRIDS.length - 1];
  }
}
