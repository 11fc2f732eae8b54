// A big graph's edges painted on one <canvas> under the nodes instead of one SVG each: without a
// GPU, a node moving or a weight restroking made Chromium re-rasterise hundreds of long curves
// (docs/performance.md). React Flow renders only the edges shown highlighted (hovered, selected,
// off, stepped); every other edge lives here alone, put by useCanvasEdges, and takes the pointer
// through `hit` (edges/useCanvasEdgePointer.ts).

/** a rectangle in flow coordinates */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** what changed in a layer since the last `drain`: curves put (id, curve, bucket, bounds) and ids dropped */
export interface LayerChanges {
  put: [id: string, d: string, bucket: number, box: Box][];
  drop: string[];
}

/** one edge's curve (SVG path data, flow coordinates), its bounds, its drawable path once made, and stroke bucket (see strokeBucket) */
interface Stroke<P> {
  d: string;
  box: Box;
  path: P | null;
  bucket: number;
}

const sameBox = (a: Box, b: Box) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

const overlaps = (a: Box, b: Box) => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;

/**
 * `P`: a drawable path made from SVG path data (Path2D on a page). Each curve is its own path,
 * stroked on its own: in software, one stroke over a path of hundreds of crossing curves costs
 * about a third more than the same curves stroked one by one (measured in Chromium: 2,000
 * curves, 116 against 85 ms), and a curve's path survives a change of its bucket.
 */
export class EdgeLayer<P = Path2D> {
  private readonly strokes = new Map<string, Stroke<P>>();
  /** stroke bucket → the ids of its edges */
  private readonly buckets = new Map<number, Set<string>>();
  private readonly listeners = new Set<() => void>();
  /** the ids put or dropped since the last `drain`, once someone drains (a copy of the layer elsewhere, edges.worker.ts) */
  private dirty: Set<string> | null = null;

  constructor(private readonly makePath: (d: string) => P) {}

  /** edge `id` is drawn as curve `d` (inside `box`) with stroke `bucket` */
  put(id: string, d: string, bucket: number, box: Box = EVERYWHERE): void {
    const old = this.strokes.get(id);
    if (old && old.d === d && old.bucket === bucket && sameBox(old.box, box)) return;
    if (old) this.leave(id, old.bucket);
    this.strokes.set(id, { d, box, bucket, path: old && old.d === d ? old.path : null });
    this.enter(id, bucket);
    this.dirty?.add(id);
    this.changed();
  }

  /** edge `id` is not drawn here (gone, or drawn highlighted by its SVG) */
  drop(id: string): void {
    const old = this.strokes.get(id);
    if (!old) return;
    this.strokes.delete(id);
    this.leave(id, old.bucket);
    this.dirty?.add(id);
    this.changed();
  }

  get size(): number {
    return this.strokes.size;
  }

  /** whether edge `id` is drawn here */
  has(id: string): boolean {
    return this.strokes.has(id);
  }

  /**
   * each stroke bucket with the paths of its curves that may cross `view` (all without one); a
   * curve's path is made only when drawn, and again only after its curve changed
   */
  *paths(view?: Box): Generator<[bucket: number, paths: P[]]> {
    for (const [bucket, ids] of this.inOrder()) {
      const paths: P[] = [];
      for (const id of ids) {
        const stroke = this.strokes.get(id)!;
        if (view && !overlaps(stroke.box, view)) continue;
        stroke.path ??= this.makePath(stroke.d);
        paths.push(stroke.path);
      }
      if (paths.length > 0) yield [bucket, paths];
    }
  }

  /** the uppermost edge (the last painted) whose bounds hold (x, y) and whose curve `near(path)` says passes there, or null */
  hit(x: number, y: number, near: (path: P) => boolean): string | null {
    const at: Box = { x0: x, y0: y, x1: x, y1: y };
    let found: string | null = null;
    for (const [, ids] of this.inOrder()) {
      for (const id of ids) {
        const stroke = this.strokes.get(id)!;
        if (!overlaps(stroke.box, at)) continue;
        stroke.path ??= this.makePath(stroke.d);
        if (near(stroke.path)) found = id;
      }
    }
    return found;
  }

  /**
   * what changed since the last drain, to bring a copy of this layer up to date: apply it to the
   * copy and the two draw the same. `all`: every curve, for a new copy (also what the first
   * drain gives)
   */
  drain(all = false): LayerChanges {
    const ids = all || !this.dirty ? this.strokes.keys() : this.dirty;
    const changes: LayerChanges = { put: [], drop: [] };
    for (const id of ids) {
      const stroke = this.strokes.get(id);
      if (stroke) changes.put.push([id, stroke.d, stroke.bucket, stroke.box]);
      else changes.drop.push(id);
    }
    this.dirty = new Set();
    return changes;
  }

  /** brings this layer up to date with another's `drain` */
  apply(changes: LayerChanges): void {
    for (const id of changes.drop) this.drop(id);
    for (const [id, d, bucket, box] of changes.put) this.put(id, d, bucket, box);
  }

  /** `listener` runs after every change; returns the unsubscribe */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * the buckets thinnest first (the strongest weights painted on top), negative before positive
   * at a width: an order of the buckets alone, so a copy of the layer paints as this one does
   */
  private inOrder(): [bucket: number, ids: Set<string>][] {
    return [...this.buckets].sort(([a], [b]) => Math.abs(a) - Math.abs(b) || a - b);
  }

  private enter(id: string, bucket: number): void {
    const ids = this.buckets.get(bucket);
    if (ids) ids.add(id);
    else this.buckets.set(bucket, new Set([id]));
  }

  private leave(id: string, bucket: number): void {
    const ids = this.buckets.get(bucket);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.buckets.delete(bucket);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

const EVERYWHERE: Box = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
