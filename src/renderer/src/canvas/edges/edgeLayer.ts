// A big graph's edges painted on one <canvas> under the nodes instead of one SVG each: without a
// GPU, a node moving or a weight restroking made Chromium re-rasterise hundreds of long curves
// (docs/performance.md). React Flow still renders every edge — an invisible path that takes the
// pointer — and each edge puts its curve and stroke bucket here; EdgeCanvas draws them.

/** one edge's curve (SVG path data, flow coordinates) and stroke bucket (see strokeBucket) */
interface Stroke {
  d: string;
  bucket: number;
}

/** the curves of one stroke bucket, as one path: one stroke call draws them all */
interface BucketPath<P> {
  ids: Set<string>;
  path: P | null;
}

/** `P`: a drawable path made from SVG path data (Path2D on a page) */
export class EdgeLayer<P = Path2D> {
  private readonly strokes = new Map<string, Stroke>();
  private readonly buckets = new Map<number, BucketPath<P>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly makePath: (d: string) => P) {}

  /** edge `id` is drawn as curve `d` with stroke `bucket` */
  put(id: string, d: string, bucket: number): void {
    const old = this.strokes.get(id);
    if (old && old.d === d && old.bucket === bucket) return;
    if (old) this.leave(id, old.bucket);
    this.strokes.set(id, { d, bucket });
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

  /** each stroke bucket with the path of all its curves (made again only after the bucket changed) */
  *paths(): Generator<[bucket: number, path: P]> {
    for (const [bucket, group] of this.buckets) {
      group.path ??= this.makePath(Array.from(group.ids, (id) => this.strokes.get(id)!.d).join(''));
      yield [bucket, group.path];
    }
  }

  /** `listener` runs after every change; returns the unsubscribe */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enter(id: string, bucket: number): void {
    const group = this.buckets.get(bucket);
    if (group) {
      group.ids.add(id);
      group.path = null;
    } else this.buckets.set(bucket, { ids: new Set([id]), path: null });
  }

  private leave(id: string, bucket: number): void {
    const group = this.buckets.get(bucket);
    if (!group) return;
    group.ids.delete(id);
    group.path = null;
    if (group.ids.size === 0) this.buckets.delete(bucket);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
