import { describe, expect, it } from 'vitest';
import { domainToFit } from '../../../src/renderer/src/data/domainFit';

const unit = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
const at = (x: number, y: number) => ({ x: [x, y], y: [0] });

describe('fitting the plot to imported points', () => {
  it('leaves the domain alone when every point is inside', () => {
    expect(domainToFit([at(0, 0), at(1, -1)], unit)).toBeNull();
  });

  it('grows each axis just past the farthest point, never shrinking', () => {
    const d = domainToFit([at(3, 0), at(-1, 0.5)], unit)!;
    expect(d.y).toEqual([-1, 1]);
    expect(d.x[0]).toBe(-1); // nothing lies left of −1
    expect(d.x[1]).toBe(3.2); // 5 % of the 4-wide span beyond 3, on a tenth already
  });

  it('grows below too, to a round number, covering every point', () => {
    const d = domainToFit([at(0, -57.3), at(0, 12)], unit)!;
    expect(d.y[0]).toBeLessThanOrEqual(-57.3 - 0.05 * 69.3);
    expect(d.y[0]).toBe(-61);
    expect(d.y[1]).toBe(16);
    expect(d.x).toEqual([-1, 1]);
  });
});
