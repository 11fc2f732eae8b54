import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellCentre, clampToDomain, nearestPoint, toPixel, toPlane } from '../../../src/renderer/src/data/plotMapping';

const size = { width: 320, height: 200 };
const unit = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };

describe('plot coordinates', () => {
  it('maps the domain corners to the plot corners, y up', () => {
    expect(toPixel({ x: -1, y: 1 }, unit, size)).toEqual({ x: 0, y: 0 });
    expect(toPixel({ x: 1, y: -1 }, unit, size)).toEqual({ x: 320, y: 200 });
    expect(toPixel({ x: 0, y: 0 }, unit, size)).toEqual({ x: 160, y: 100 });
    expect(toPlane({ x: 320, y: 0 }, { x: [0, 4], y: [10, 20] }, size)).toEqual({ x: 4, y: 20 });
  });

  it('pixel → plane → pixel is the identity for any domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 320, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (x0, w, px, py) => {
          const domain = { x: [x0, x0 + w] as [number, number], y: [x0, x0 + 2 * w] as [number, number] };
          const back = toPixel(toPlane({ x: px, y: py }, domain, size), domain, size);
          expect(back.x).toBeCloseTo(px, 6);
          expect(back.y).toBeCloseTo(py, 6);
        },
      ),
    );
  });

  it('grid cell centres: row 0 is the top of the plane', () => {
    expect(cellCentre(0, 0, 2, 2, unit)).toEqual({ x: -0.5, y: 0.5 });
    expect(cellCentre(1, 1, 2, 2, unit)).toEqual({ x: 0.5, y: -0.5 });
  });

  it('finds the nearest point within the radius in pixels, else none', () => {
    const examples = [
      { x: [0, 0], y: [1] },
      { x: [0.05, 0], y: [0] },
    ];
    expect(nearestPoint(examples, { x: 166, y: 100 }, unit, size, 6)).toBe(1); // 0.05 → 168 px
    expect(nearestPoint(examples, { x: 161, y: 100 }, unit, size, 6)).toBe(0);
    expect(nearestPoint(examples, { x: 190, y: 100 }, unit, size, 6)).toBeNull();
  });

  it('keeps a dragged point inside the domain', () => {
    expect(clampToDomain({ x: 3, y: -7 }, unit)).toEqual({ x: 1, y: -1 });
  });
});
