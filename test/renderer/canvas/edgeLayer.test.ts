import { describe, expect, it, vi } from 'vitest';
import { EdgeLayer } from '../../../src/renderer/src/canvas/edges/edgeLayer';

// The canvas draws bucket by bucket, curve by curve: what it draws must be exactly the edges put
// and not dropped, each in its latest bucket and with its latest curve.

const drawn = (layer: EdgeLayer<string>) => new Map(Array.from(layer.paths(), ([bucket, paths]) => [bucket, paths.join('')]));

describe('EdgeLayer', () => {
  it('groups curves by stroke bucket', () => {
    const layer = new EdgeLayer((d) => d);
    layer.put('a', 'M0 0L1 1', 2);
    layer.put('b', 'M2 2L3 3', -1.5);
    layer.put('c', 'M4 4L5 5', 2);
    expect(drawn(layer)).toEqual(
      new Map([
        [2, 'M0 0L1 1M4 4L5 5'],
        [-1.5, 'M2 2L3 3'],
      ]),
    );
    expect(layer.size).toBe(3);
  });

  it('moves an edge to its new bucket and curve, and forgets dropped edges and empty buckets', () => {
    const layer = new EdgeLayer((d) => d);
    layer.put('a', 'M0 0', 2);
    layer.put('b', 'M1 1', 2);
    layer.put('a', 'M9 9', -3); // its weight changed sign and its node moved
    expect(drawn(layer)).toEqual(
      new Map([
        [2, 'M1 1'],
        [-3, 'M9 9'],
      ]),
    );
    layer.drop('b');
    expect(drawn(layer)).toEqual(new Map([[-3, 'M9 9']]));
    layer.drop('b'); // dropping twice is harmless
    expect(layer.size).toBe(1);
  });

  it('makes a curve’s path again only after that curve changed, not when its bucket did', () => {
    const make = vi.fn((d: string) => d);
    const layer = new EdgeLayer(make);
    layer.put('a', 'M0 0', 1);
    layer.put('b', 'M1 1', 2);
    drawn(layer);
    expect(make).toHaveBeenCalledTimes(2);
    drawn(layer);
    expect(make).toHaveBeenCalledTimes(2);
    layer.put('b', 'M5 5', 2);
    expect(drawn(layer).get(2)).toBe('M5 5');
    expect(make).toHaveBeenCalledTimes(3); // a kept its path
    layer.put('a', 'M0 0', -4); // training moved its weight to another bucket
    expect(drawn(layer).get(-4)).toBe('M0 0');
    expect(make).toHaveBeenCalledTimes(3);
  });

  it('tells its listeners about changes, not about repeats', () => {
    const layer = new EdgeLayer((d) => d);
    const listener = vi.fn();
    const stop = layer.subscribe(listener);
    layer.put('a', 'M0 0', 1);
    layer.put('a', 'M0 0', 1);
    layer.drop('zzz');
    expect(listener).toHaveBeenCalledTimes(1);
    layer.drop('a');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    layer.put('a', 'M0 0', 1);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('draws only the curves whose bounds may cross the view, and all without a view', () => {
    const layer = new EdgeLayer((d) => d);
    layer.put('left', 'L', 1, { x0: 0, y0: 0, x1: 100, y1: 50 });
    layer.put('right', 'R', 1, { x0: 500, y0: 0, x1: 600, y1: 50 });
    layer.put('below', 'B', -2, { x0: 0, y0: 400, x1: 600, y1: 450 });
    const view = (x0: number, y0: number, x1: number, y1: number) => new Map(Array.from(layer.paths({ x0, y0, x1, y1 }), ([bucket, paths]) => [bucket, paths.join('')]));
    expect(view(50, 10, 200, 30)).toEqual(new Map([[1, 'L']]));
    expect(view(100, 50, 500, 60)).toEqual(new Map([[1, 'LR']])); // touching edges count
    expect(view(200, 100, 300, 200)).toEqual(new Map()); // an empty bucket is not yielded
    expect(view(550, 440, 700, 700)).toEqual(new Map([[-2, 'B']]));
    expect(drawn(layer)).toEqual(new Map([[1, 'LR'], [-2, 'B']]));
  });

  it('finds the uppermost curve under a point among those whose bounds hold it', () => {
    const layer = new EdgeLayer((d) => d);
    const tested: string[] = [];
    layer.put('a', 'A', 1, { x0: 0, y0: 0, x1: 100, y1: 100 });
    layer.put('b', 'B', 2, { x0: 50, y0: 50, x1: 150, y1: 150 });
    layer.put('c', 'C', 2, { x0: 500, y0: 500, x1: 600, y1: 600 });
    const near = (hits: string) => (path: string) => {
      tested.push(path);
      return hits.includes(path);
    };
    // both a and b hold (60, 60); b is painted after a (a later bucket)
    expect(layer.hit(60, 60, near('AB'))).toBe('b');
    expect(tested.sort()).toEqual(['A', 'B']); // c's bounds do not hold the point: its curve is never tested
    expect(layer.hit(60, 60, near('A'))).toBe('a');
    expect(layer.hit(60, 60, near(''))).toBeNull();
    expect(layer.hit(300, 300, near('ABC'))).toBeNull();
    layer.drop('b');
    expect(layer.hit(60, 60, near('AB'))).toBe('a');
  });

  it('paints thinnest first, negative before positive at a width, however the buckets came and went', () => {
    const layer = new EdgeLayer((d) => d);
    layer.put('a', 'A', 3);
    layer.put('b', 'B', -1);
    layer.put('c', 'C', 1);
    layer.put('d', 'D', -3);
    const order = () => Array.from(layer.paths(), ([bucket]) => bucket);
    expect(order()).toEqual([-1, 1, -3, 3]);
    layer.drop('b'); // bucket -1 empties…
    layer.put('b', 'B', -1); // …and comes back
    expect(order()).toEqual([-1, 1, -3, 3]);
    // the pointer finds the one painted last where two cross: the thicker
    expect(layer.hit(0, 0, (path) => path === 'A' || path === 'C')).toBe('a');
  });

  it('brings a copy up to date with its drains: the copy paints exactly what it does', () => {
    const layer = new EdgeLayer((d) => d);
    const copy = new EdgeLayer((d) => d);
    const painted = (l: EdgeLayer<string>) => Array.from(l.paths(), ([bucket, paths]) => [bucket, [...paths].sort().join(' ')]);
    // a seeded walk of puts (curves moving, weights changing bucket) and drops, drained now and then
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let step = 0; step < 2000; step++) {
      const id = `e${random(40)}`;
      if (random(5) === 0) layer.drop(id);
      else layer.put(id, `M${random(3)} ${id}`, [-2, -1, 1, 2, 3][random(5)]!, { x0: random(100), y0: 0, x1: 100 + random(100), y1: 50 });
      if (random(20) === 0) {
        copy.apply(layer.drain());
        expect(painted(copy)).toEqual(painted(layer));
        expect(copy.size).toBe(layer.size);
        // and where it may cross a view
        const view = { x0: 90, y0: 0, x1: 95, y1: 10 };
        expect(Array.from(copy.paths(view), ([b, p]) => [b, p.length])).toEqual(Array.from(layer.paths(view), ([b, p]) => [b, p.length]));
      }
    }
  });

  it('drains everything the first time, then only what changed, a dropped curve as a drop', () => {
    const layer = new EdgeLayer((d) => d);
    layer.put('a', 'A', 1);
    layer.put('b', 'B', 2);
    expect(layer.drain()).toEqual({ put: [['a', 'A', 1, expect.anything()], ['b', 'B', 2, expect.anything()]], drop: [] });
    expect(layer.drain()).toEqual({ put: [], drop: [] });
    layer.put('a', 'A', 1); // a repeat is no change
    layer.put('b', 'B2', 2);
    layer.drop('a');
    layer.put('c', 'C', -1);
    layer.drop('c'); // put and dropped between two drains: a drop (harmless to a copy without it)
    expect(layer.drain()).toEqual({ put: [['b', 'B2', 2, expect.anything()]], drop: ['a', 'c'] });
  });
});
