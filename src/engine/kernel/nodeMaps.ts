// Every node's z over many points, laid out as one Float32Array per node (what decision maps and
// neuron thumbnails paint): the kernel's nodeValues, transposed. Same values as
// Math.fround(net.z[k]) after the engine's forward at each point.

import type { Trainer } from './trainer';

export class NodeMapper {
  private buffer = new Float32Array(0);
  private points = new Float64Array(0);

  constructor(private readonly trainer: Trainer) {}

  /** the weights the maps show (doc.edges order) */
  setWeights(weights: ArrayLike<number>): void {
    this.trainer.setWeights(weights);
  }

  /**
   * z_k at `count` points given as (x, y) pairs into values[k][at … at + count); features beyond
   * the first two are 0, as on the plane the maps show
   */
  fill(xy: ArrayLike<number>, count: number, values: Float32Array[], at: number): void {
    const { numNodes: n, xStride } = this.trainer;
    if (this.points.length < count * xStride) this.points = new Float64Array(count * xStride);
    for (let i = 0; i < count; i++) {
      this.points[i * xStride] = xy[2 * i];
      if (xStride > 1) this.points[i * xStride + 1] = xy[2 * i + 1];
    }
    if (this.buffer.length < count * n) this.buffer = new Float32Array(count * n);
    const z = this.trainer.nodeValues(this.points, count, this.buffer);
    for (let k = 0; k < n; k++) {
      const row = values[k];
      for (let i = 0; i < count; i++) row[at + i] = z[i * n + k];
    }
  }
}
