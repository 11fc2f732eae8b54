import { describe, expect, it } from 'vitest';
import { paintWinners, parseHex, valueColour, valueRange } from '../../../src/renderer/src/data/colorScale';
import { CLASS_COLOURS } from '../../../src/renderer/src/data/classes';
import { curveOf } from '../../../src/renderer/src/data/PlotCurve';

describe('the k-class map', () => {
  it('colours each cell by its winning output, deeper the larger its lead; discretised, one shade per class', () => {
    // three cells, three outputs: output 2 wins cell 0, output 0 wins cell 1 (narrowly), output 1 cell 2
    const outputs = [Float32Array.from([0.1, 0.51, 0.2]), Float32Array.from([0.2, 0.49, 0.9]), Float32Array.from([0.9, 0.1, 0.1])];
    const out = new Uint8ClampedArray(3 * 4);
    paintWinners(outputs, 3, 1, 1, CLASS_COLOURS, false, out);
    const rgb = (i: number) => [out[4 * i], out[4 * i + 1], out[4 * i + 2]];
    const towards = (cell: number, c: number) => {
      // the cell's colour lies between the near-white background and class c's colour
      const target = parseHex(CLASS_COLOURS[c]);
      return rgb(cell).every((v, j) => Math.abs(v - target[j]) <= Math.abs(247 - target[j]) + 1);
    };
    expect(towards(0, 2)).toBe(true);
    expect(towards(1, 0)).toBe(true);
    expect(towards(2, 1)).toBe(true);
    const distance = (cell: number) => Math.hypot(...rgb(cell).map((v) => 247 - v));
    expect(distance(0)).toBeGreaterThan(distance(1)); // a clear lead is deeper than a narrow one
    // discretised: cells won by the same class have the same colour whatever the lead
    const two = [Float32Array.from([0.9, 0.51]), Float32Array.from([0.1, 0.49])];
    const same = new Uint8ClampedArray(2 * 4);
    paintWinners(two, 2, 1, 1, CLASS_COLOURS, true, same);
    expect([...same.slice(0, 4)]).toEqual([...same.slice(4, 8)]);
  });
});

describe('the regression scale', () => {
  it('spans the targets, symmetric about 0 when they straddle it; the ends are the class colours', () => {
    expect(valueRange([{ y: [-0.5] }, { y: [2] }])).toEqual({ lo: -2, hi: 2 });
    expect(valueRange([{ y: [1] }, { y: [3] }])).toEqual({ lo: 1, hi: 3 });
    expect(valueRange([])).toEqual({ lo: -1, hi: 1 });
    expect(valueColour(-2, { lo: -2, hi: 2 })).toBe('rgb(224, 69, 58)');
    expect(valueColour(9, { lo: -2, hi: 2 })).toBe('rgb(47, 111, 222)');
  });
});

describe('the 1-D fit’s curve', () => {
  it('reads h(x₁, 0) off the map, between the two rows around x₂ = 0', () => {
    // 2 columns, 4 rows over [−1, 1]²: row centres at y = 0.75, 0.25, −0.25, −0.75
    const values = Float32Array.from([0, 0, 1, 10, 3, 30, 9, 9]);
    const curve = curveOf(values, { cols: 2, rows: 4, domain: { x: [-1, 1], y: [-1, 1] } });
    expect(curve).toEqual([
      { x: -0.5, h: 2 },
      { x: 0.5, h: 20 },
    ]);
  });
});
