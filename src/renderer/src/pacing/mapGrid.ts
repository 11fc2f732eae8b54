import { GRID } from '../data/maps';
import { MAP_GRID } from './constants';
import { MovingAverage } from './movingAverage';
import type { Policy } from './policy';

// (e) How fine a map pass's grid is. Paused, every map is GRID × GRID. While training runs, a big
// net's maps drop to the finest grid of MAP_GRID.grids whose pass its recent passes say takes
// about MAP_GRID.passMs — the canvas scales it up, smoothed — so they keep up with the weights;
// the full grid returns the moment training pauses. Once chosen, a grid stays while its passes
// cost between refineUnder and stayUnder budgets: a pass's time on a busy machine varies twice
// over, and a grid that followed it changed several times a second, each change resizing every
// thumbnail's canvas.

export class MapGrid implements Policy<[ms: number, cells: number]> {
  /** ms per cell of the recent passes; 0 before the first */
  private readonly msPerCell = new MovingAverage(MAP_GRID.smoothing, 'first');
  /** index into MAP_GRID.grids of the grid training uses, or -1 before the first choice */
  private current = -1;

  /** a pass over `cells` cells took `ms` */
  observe(ms: number, cells: number): void {
    if (cells > 0) this.msPerCell.add(ms / cells);
  }

  reset(): void {
    this.msPerCell.reset();
    this.current = -1;
  }

  /** columns (and rows) of the next pass */
  nextGrid(training: boolean): number {
    if (!training || this.msPerCell.value === 0) {
      this.current = -1;
      return GRID;
    }
    const { grids, passMs, stayUnder, refineUnder } = MAP_GRID;
    const last = grids.length - 1;
    const fits = (i: number, budgets: number) => grids[i] ** 2 * this.msPerCell.value <= budgets * passMs;
    let i = this.current;
    if (i < 0) {
      // the first choice: the finest grid whose pass fits the budget
      i = 0;
      while (i < last && !fits(i, 1)) i++;
    } else {
      while (i < last && !fits(i, stayUnder)) i++;
      while (i > 0 && fits(i - 1, refineUnder)) i--;
    }
    this.current = i;
    return grids[i];
  }
}
