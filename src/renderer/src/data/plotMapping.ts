import type { Domain, Example } from '../../../engine/format/types';

// Between the plane (the document's domain, y up) and the plot's pixels (y down).

export const DEFAULT_DOMAIN: Domain = { x: [-1, 1], y: [-1, 1] };

export interface PlotSize {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function toPixel(p: Point, domain: Domain, size: PlotSize): Point {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return { x: ((p.x - x0) / (x1 - x0)) * size.width, y: ((y1 - p.y) / (y1 - y0)) * size.height };
}

export function toPlane(px: Point, domain: Domain, size: PlotSize): Point {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return { x: x0 + (px.x / size.width) * (x1 - x0), y: y1 - (px.y / size.height) * (y1 - y0) };
}

/** the plane coordinate of the centre of grid cell (col, row), row 0 at the top */
export function cellCentre(col: number, row: number, cols: number, rows: number, domain: Domain): Point {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return { x: x0 + ((col + 0.5) / cols) * (x1 - x0), y: y1 - ((row + 0.5) / rows) * (y1 - y0) };
}

/** index of the example whose point lies nearest to `px` (pixels), within `radius` px; else null */
export function nearestPoint(
  examples: readonly Example[],
  px: Point,
  domain: Domain,
  size: PlotSize,
  radius: number,
  /** a 1-D function fit: the points sit at (x₁, value) */
  functionFit = false,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  examples.forEach((e, i) => {
    const q = toPixel({ x: e.x[0] ?? 0, y: (functionFit ? e.y[0] : e.x[1]) ?? 0 }, domain, size);
    const d = (q.x - px.x) ** 2 + (q.y - px.y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** keeps a plane point inside the domain (a dragged point cannot leave the plot) */
export function clampToDomain(p: Point, domain: Domain): Point {
  const clamp = (v: number, [a, b]: [number, number]) => Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  return { x: clamp(p.x, domain.x), y: clamp(p.y, domain.y) };
}
