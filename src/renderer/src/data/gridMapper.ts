import { compile } from '../../../engine';
import { createTrainer, NodeMapper } from '../../../engine/kernel';
import type { GraphDoc } from '../../../engine/format/types';
import type { GridSpec } from './maps';
import { cellCentre } from './plotMapping';

// Every node's z over the whole grid in one call, through the kernel's NodeMapper (its
// WebAssembly nodeValues: about 12–18× the engine's forward per cell). The same float32 values as a
// MapJob. Built once per topology; runs in the map worker, where WebAssembly compiles
// synchronously at any size (Chromium's main thread allows that only for tiny modules).

/** cells per nodeValues call: a row of a 100-wide grid at a time keeps the kernel's buffers small */
const CHUNK = 1000;

export class GridMapper {
  readonly nodeIds: readonly string[];
  private readonly mapper: NodeMapper;
  private xy = new Float64Array(0);
  private xyFor: string | null = null;

  constructor(doc: GraphDoc) {
    const net = compile(doc);
    this.nodeIds = net.nodeIds;
    this.mapper = new NodeMapper(createTrainer(net, [], { uses: 'maps' })); // the map worker needs nodeValues only
  }

  /** z_k per cell (row-major, row 0 at the top) per node — views into one buffer, `reuse`'s when its size fits */
  map(weights: ArrayLike<number>, spec: GridSpec, reuse: Float32Array[] = []): Float32Array[] {
    const cells = spec.cols * spec.rows;
    // every node's map is a view into one buffer: one transfer to the page instead of one per node
    const bytes = 4 * cells * this.nodeIds.length;
    const block = reuse[0]?.buffer.byteLength === bytes ? new Float32Array(reuse[0].buffer) : new Float32Array(bytes / 4);
    const values = this.nodeIds.map((_, k) => block.subarray(k * cells, (k + 1) * cells));
    const xy = this.points(spec);
    this.mapper.setWeights(weights);
    for (let at = 0; at < cells; at += CHUNK) {
      const count = Math.min(CHUNK, cells - at);
      this.mapper.fill(xy.subarray(2 * at, 2 * (at + count)), count, values, at);
    }
    return values;
  }

  /** the cell centres as (x, y) pairs, kept while the grid stays the same */
  private points(spec: GridSpec): Float64Array {
    const key = `${spec.cols}x${spec.rows}:${spec.domain.x.join()}:${spec.domain.y.join()}`;
    if (key !== this.xyFor) {
      this.xy = new Float64Array(2 * spec.cols * spec.rows);
      for (let row = 0; row < spec.rows; row++) {
        for (let col = 0; col < spec.cols; col++) {
          const p = cellCentre(col, row, spec.cols, spec.rows, spec.domain);
          const i = 2 * (row * spec.cols + col);
          this.xy[i] = p.x;
          this.xy[i + 1] = p.y;
        }
      }
      this.xyFor = key;
    }
    return this.xy;
  }
}
