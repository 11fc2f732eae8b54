import type { Domain, Example } from '../../../engine/format/types';
import type { TargetValues } from './csv';
import { toPixel, type PlotSize } from './plotMapping';
import { isHighClass } from './targets';

// The examples drawn on a canvas (data/PointCanvas.tsx) once they are too many for one SVG
// circle each: 600,000 circles never finished laying out. Each class is one batch of paths
// (one fill and one outline per few thousand points), so the cost is the drawing itself; past
// DOTS_FROM points each is a small square without an outline, which is what the eye sees there.

/** from this many examples the plot draws them on a canvas (below: SVG, one circle each) */
export const CANVAS_POINTS_FROM = 2000;
/** from this many examples each is a filled square (fillRect) instead of an outlined circle */
export const DOTS_FROM = 50_000;
/** points per path: a path of hundreds of thousands of arcs costs more than several short ones */
const PATH_POINTS = 5000;

export interface PointStyle {
  low: string;
  high: string;
  outline: string;
  radius: number;
}

export type PointsContext = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'beginPath' | 'moveTo' | 'arc' | 'fill' | 'stroke' | 'fillRect' | 'fillStyle' | 'strokeStyle' | 'lineWidth'
>;

/** the dot radius the SVG plot used: smaller once the plane is crowded */
export function pointRadius(count: number): number {
  return count > 400 ? 3 : 4.5;
}

/** pixel centres of each class's examples, as flat [x0, y0, x1, y1, …] arrays; points off the plot are left out */
export function classPixels(examples: readonly Example[], domain: Domain, size: PlotSize, targets: TargetValues, margin: number) {
  const low: number[] = [];
  const high: number[] = [];
  for (const e of examples) {
    const p = toPixel({ x: e.x[0] ?? 0, y: e.x[1] ?? 0 }, domain, size);
    if (!(p.x >= -margin && p.x <= size.width + margin && p.y >= -margin && p.y <= size.height + margin)) continue;
    const into = isHighClass(e, targets) ? high : low;
    into.push(p.x, p.y);
  }
  return { low, high };
}

function circles(ctx: PointsContext, xy: readonly number[], fill: string, style: PointStyle): void {
  ctx.fillStyle = fill;
  ctx.strokeStyle = style.outline;
  ctx.lineWidth = 1.2;
  for (let start = 0; start < xy.length; start += 2 * PATH_POINTS) {
    ctx.beginPath();
    const end = Math.min(xy.length, start + 2 * PATH_POINTS);
    for (let i = start; i < end; i += 2) {
      ctx.moveTo(xy[i] + style.radius, xy[i + 1]);
      ctx.arc(xy[i], xy[i + 1], style.radius, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
}

function dots(ctx: PointsContext, xy: readonly number[], fill: string, radius: number): void {
  ctx.fillStyle = fill;
  const side = Math.max(1.5, radius);
  for (let i = 0; i < xy.length; i += 2) ctx.fillRect(xy[i] - side / 2, xy[i + 1] - side / 2, side, side);
}

/** draws every example, red (low) then blue (high); returns how many of each were drawn */
export function paintPoints(
  ctx: PointsContext,
  examples: readonly Example[],
  domain: Domain,
  size: PlotSize,
  targets: TargetValues,
  style: PointStyle,
): { low: number; high: number } {
  ctx.clearRect(0, 0, size.width, size.height);
  const { low, high } = classPixels(examples, domain, size, targets, style.radius);
  const draw = examples.length >= DOTS_FROM ? (xy: number[], fill: string) => dots(ctx, xy, fill, style.radius) : (xy: number[], fill: string) => circles(ctx, xy, fill, style);
  draw(low, style.low);
  draw(high, style.high);
  return { low: low.length / 2, high: high.length / 2 };
}
