import type { Net } from '../../../engine';
import { forward } from '../../../engine';
import type { Domain } from '../../../engine/format/types';
import { cellCentre } from './plotMapping';

// Every node's z_k over a grid of the plane, from one forward pass per cell: after forward(net, x)
// the whole vector net.z is read, so one grid pass fills every neuron's map at once. A job can be
// run a few rows at a time, so a big net spreads its grid over several frames.

export interface GridSpec {
  cols: number;
  rows: number;
  domain: Domain;
}

export const GRID = 100;

export class MapJob {
  readonly spec: GridSpec;
  /** z_k per cell, row-major with row 0 at the top, per node index */
  readonly values: Float32Array[];
  private readonly net: Net;
  private readonly x: Float64Array;
  private row = 0;

  /**
   * `net` must stay untouched until the job is done (its weights are the map's). `reuse`: arrays
   * of a map no longer shown, written over instead of allocating new ones when their sizes fit.
   */
  constructor(net: Net, spec: GridSpec, reuse?: Float32Array[]) {
    this.net = net;
    this.spec = spec;
    const cells = spec.cols * spec.rows;
    this.values = Array.from({ length: net.numNodes }, (_, k) =>
      reuse?.[k]?.length === cells ? reuse[k] : new Float32Array(cells),
    );
    let features = 2;
    for (let k = 0; k < net.numNodes; k++) features = Math.max(features, net.feature[k] + 1);
    this.x = new Float64Array(features);
  }

  get done(): boolean {
    return this.row >= this.spec.rows;
  }

  /** computes rows until all are done or `now()` passes `deadline`; true when done */
  run(deadline: number, now: () => number): boolean {
    while (!this.done) {
      this.computeRow(this.row++);
      if (now() >= deadline) break;
    }
    return this.done;
  }

  private computeRow(row: number): void {
    const { cols, rows, domain } = this.spec;
    const { net, x, values } = this;
    const n = net.numNodes;
    for (let col = 0; col < cols; col++) {
      const p = cellCentre(col, row, cols, rows, domain);
      x[0] = p.x;
      x[1] = p.y;
      forward(net, x);
      const cell = row * cols + col;
      for (let k = 0; k < n; k++) values[k][cell] = net.z[k];
    }
  }
}
