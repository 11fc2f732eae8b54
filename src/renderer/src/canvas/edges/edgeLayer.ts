// A big graph's edges painted on one <canvas> under the nodes instead of one SVG each: without a
// GPU, a node moving or a weight restroking made Chromium re-rasterise hundreds of long curves
// (docs/performance.md). React Flow still renders every edge — an invisible path that takes the
// pointer — and each edge puts its curve and stroke bucket here; EdgeCanvas draws them.

/** one edge's curve (SVG path data, flow coordinates), its drawable path once made, and stroke bucket (see strokeBucket) */
interface Stroke<P> {
  d: string;
  path: P | null;
  bucket: number;
}

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

  constructor(private readonly makePath: (d: string) => P) {}

  /** edge `id` is drawn as curve `d` with stroke `bucket` */
  put(id: string, d: string, bucket: number): void {
    const old = this.strokes.get(id);
    if (old && old.d === d && old.bucket === bucket) return;
    if (old) this.leave(id, old.bucket);
    this.strokes.set(id, { d, bucket, path: old && old.d === d ? old.path : null });
    this.enter(id, bucket);
    this.changed();
  }

  /** edge `id` is not drawn here (gone, off screen, or drawn highlighted by its SVG) */
  drop(id: string): void {
    const old = this.strokes.get(id);
    if (!old) return;
    this.strokes.delete(id);
    this.leave(id, old.bucket);
    this.changed();
  }

  get size(): number {
    return this.strokes.size;
  }

  /** each stroke bucket with the paths of its curves (a curve's path is made again only after its curve changed) */
  *paths(): Generator<[bucket: number, paths: P[]]> {
    for (const [bucket, ids] of this.buckets) {
      const paths: P[] = [];
      for (const id of ids) {
        const stroke = this.strokes.get(id)!;
        stroke.path ??= this.makePath(stroke.d);
        paths.push(stroke.path);
      }
      yield [bucket, paths];
    }
  }

  /** `listener` runs after every change; returns the unsubscribe */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
