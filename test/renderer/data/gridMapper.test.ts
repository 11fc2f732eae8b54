import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine';
import { GridMapper } from '../../../src/renderer/src/data/gridMapper';
import { buffersOf } from '../../../src/renderer/src/data/mapProtocol';
import { MapJob, type GridSpec } from '../../../src/renderer/src/data/maps';
import { layeredDoc } from '../training/fixtures';

describe('GridMapper (the map worker’s grid pass through the kernel)', () => {
  const spec: GridSpec = { cols: 37, rows: 29, domain: { x: [-2, 1], y: [-1, 3] } };

  it('gives every node exactly the map a MapJob (the engine’s forward per cell) gives', () => {
    const doc = layeredDoc([4, 3], { activation: 'tanh' });
    const job = new MapJob(compile(doc), spec);
    job.run(Infinity, () => 0);
    const grid = new GridMapper(doc);
    const values = grid.map(doc.edges.map((e) => e.weight), spec);
    expect(grid.nodeIds).toEqual(compile(doc).nodeIds);
    values.forEach((v, k) => expect(Array.from(v)).toEqual(Array.from(job.values[k])));
  });

  it('follows new weights, and writes into the arrays it is given back', () => {
    const doc = layeredDoc([3]);
    const grid = new GridMapper(doc);
    const first = grid.map(doc.edges.map((e) => e.weight), spec);
    const scaled = doc.edges.map((e) => 2 * e.weight - 0.3);
    const again = grid.map(scaled, spec, first);
    expect(again[0].buffer).toBe(first[0].buffer);
    const job = new MapJob(compile({ ...doc, edges: doc.edges.map((e, i) => ({ ...e, weight: scaled[i] })) }), spec);
    job.run(Infinity, () => 0);
    const out = grid.nodeIds.indexOf('out');
    expect(Array.from(again[out])).toEqual(Array.from(job.values[out]));
  });

  it('puts every node’s map in one buffer, which transfers once, and starts a new one for a new grid size', () => {
    const doc = layeredDoc([3, 2]);
    const grid = new GridMapper(doc);
    const values = grid.map(doc.edges.map((e) => e.weight), spec);
    expect(buffersOf(values)).toHaveLength(1);
    expect(values.every((v) => v.length === spec.cols * spec.rows)).toBe(true);
    // the views do not overlap: each node's map is its own
    const out = grid.nodeIds.indexOf('out');
    const copy = Float32Array.from(values[out]);
    values[out - 1].fill(9);
    expect(values[out]).toEqual(copy);
    const coarser = grid.map(doc.edges.map((e) => e.weight), { ...spec, cols: 10, rows: 10 }, values);
    expect(coarser[0].buffer).not.toBe(values[0].buffer);
    expect(coarser[0]).toHaveLength(100);
  });
});
