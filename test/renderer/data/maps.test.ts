import { describe, expect, it } from 'vitest';
import { compile, forward } from '../../../src/engine';
import { MapJob } from '../../../src/renderer/src/data/maps';
import { colourIndex, paintSampled, paintValues, rangeFor } from '../../../src/renderer/src/data/colorScale';
import { layeredDoc } from '../training/fixtures';

describe('neuron maps over the plane', () => {
  it('one grid pass fills every node map with the z the engine computes at each cell centre', () => {
    const doc = layeredDoc([3]);
    const net = compile(doc);
    const job = new MapJob(net, { cols: 4, rows: 3, domain: { x: [-1, 1], y: [0, 3] } });
    expect(job.run(Infinity, () => 0)).toBe(true);
    const check = compile(doc);
    forward(check, [0.75, 0.5]); // col 3, row 2 (bottom row)
    const out = net.nodeIds.indexOf('out');
    const h = net.nodeIds.indexOf('h0_1');
    expect(job.values[out][2 * 4 + 3]).toBe(Math.fround(check.z[out]));
    expect(job.values[h][2 * 4 + 3]).toBe(Math.fround(check.z[h]));
    expect(job.values[net.nodeIds.indexOf('in_x')][3]).toBe(0.75);
  });

  it('spreads rows over several calls when the time budget runs out', () => {
    const net = compile(layeredDoc([2]));
    const job = new MapJob(net, { cols: 10, rows: 10, domain: { x: [-1, 1], y: [-1, 1] } });
    let t = 0;
    let calls = 0;
    while (!job.run(t + 3, () => t++)) calls++;
    expect(calls).toBe(2); // 4 rows, 4 rows, then the last 2
    expect(job.done).toBe(true);
  });
});

describe('diverging colour scale', () => {
  it('low end is red, high end is blue, the midpoint near white; discretised splits at the midpoint', () => {
    const out = new Uint8ClampedArray(12);
    paintValues(new Float32Array([0, 0.5, 1]), { lo: 0, hi: 1 }, false, out);
    expect(out[0]).toBeGreaterThan(out[2]); // red
    expect(out[10]).toBeGreaterThan(out[8]); // blue
    expect(Math.min(out[4], out[5], out[6])).toBeGreaterThan(230);
    const d = new Uint8ClampedArray(8);
    paintValues(new Float32Array([0.49, 0.51]), { lo: 0, hi: 1 }, true, d);
    expect(d[0]).toBeGreaterThan(d[2]);
    expect(d[6]).toBeGreaterThan(d[4]);
  });

  it('a sampled paint takes every step-th cell of every step-th row', () => {
    // 4×2 grid: low everywhere but cells (0,0) and (2,0)
    const values = new Float32Array([1, 0, 1, 0, 0, 0, 0, 0]);
    const out = new Uint8ClampedArray(2 * 4);
    paintSampled(values, 4, 2, 2, { lo: 0, hi: 1 }, false, out);
    expect(out[2]).toBeGreaterThan(out[0]); // blue
    expect(out[6]).toBeGreaterThan(out[4]); // blue
    const full = new Uint8ClampedArray(8 * 4);
    paintValues(values, { lo: 0, hi: 1 }, false, full);
    expect(Array.from(out.slice(0, 4))).toEqual(Array.from(full.slice(0, 4)));
    expect(Array.from(out.slice(4, 8))).toEqual(Array.from(full.slice(8, 12)));
  });

  it('clamps values outside the range and puts NaN in the middle', () => {
    expect(colourIndex(-5, { lo: 0, hi: 1 })).toBe(0);
    expect(colourIndex(5, { lo: 0, hi: 1 })).toBe(255);
    expect(colourIndex(NaN, { lo: 0, hi: 1 })).toBe(128);
  });

  it('ranges: sigmoid 0…1, tanh −1…1, linear symmetric around 0 from the data', () => {
    expect(rangeFor('sigmoid', new Float32Array([0.2]))).toEqual({ lo: 0, hi: 1 });
    expect(rangeFor('tanh', new Float32Array([0.2]))).toEqual({ lo: -1, hi: 1 });
    expect(rangeFor('linear', new Float32Array([-1, 3]))).toEqual({ lo: -3, hi: 3 });
    expect(rangeFor('relu', new Float32Array([0, 2]))).toEqual({ lo: 0, hi: 2 });
  });
});
