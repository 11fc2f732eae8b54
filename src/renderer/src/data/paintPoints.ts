import type { Domain, Example } from '../../../engine/format/types';
import { toPixel, type PlotSize } from './plotMapping';
import { plotPointOf } from './plotCoords';
import { HOLLOW_FILL, lookOf, type PointScheme } from './pointLook';

// The examples drawn on a canvas (data/PointCanvas.tsx) once they are too many for one SVG
// circle each: 600,000 circles never finished laying out. Each look (colour, hollow or not) is
// one batch of paths (one fill and one outline per few thousand points), so the cost is the
// drawing itself; past DOTS_FROM points each is a small square without an outline, which is
// what the eye sees there (a test point then a square outline).

/** from this many examples the plot draws them on a canvas (below: SVG, one circle each) */
export const CANVAS_POINTS_FROM = 2000;
/** from this many examples each is a filled square (fillRect) instead of an outlined circle */
export const DOTS_FROM = 50_000;
/** points per path: a path of hundreds of thousands of arcs costs more than several short ones */
const PATH_POINTS = 5000;

export interface PointStyle {
  outline: string;
  radius: number;
}

export type PointsContext = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'beginPath' | 'moveTo' | 'arc' | 'fill' | 'stroke' | 'fillRect' | 'strokeRect' | 'fillStyle' | 'strokeStyle' | 'lineWidth'
>;

/** the dot radius the SVG plot used: smaller once the plane is crowded */
export function pointRadius(count: number): number {
  return count > 400 ? 3 : 4.5;
}

export interface PointGroup {
  colour: string;
  hollow: boolean;
  /** pixel centres, flat [x0, y0, x1, y1, …] */
  xy: number[];
}

/** the drawn examples grouped by look, in first-seen order; points off the plot or hidden are left out */
export function pointGroups(examples: readonly Example[], domain: Domain, size: PlotSize, scheme: PointScheme, margin: number): PointGroup[] {
  const groups = new Map<string, PointGroup>();
  for (const e of examples) {
    const look = lookOf(e, scheme);
    if (!look) continue;
    const p = toPixel(plotPointOf(e, scheme.functionFit), domain, size);
    if (!(p.x >= -margin && p.x <= size.width + margin && p.y >= -margin && p.y <= size.height + margin)) continue;
    const key = `${look.colour}|${look.hollow}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...look, xy: [] }));
    group.xy.push(p.x, p.y);
  }
  // filled points first, test points over them
  return [...groups.values()].sort((a, b) => Number(a.hollow) - Number(b.hollow));
}

function circles(ctx: PointsContext, group: PointGroup, style: PointStyle): void {
  const { xy } = group;
  ctx.fillStyle = group.hollow ? HOLLOW_FILL : group.colour;
  ctx.strokeStyle = group.hollow ? group.colour : style.outline;
  ctx.lineWidth = group.hollow ? 2 : 1.2;
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

function dots(ctx: PointsContext, group: PointGroup, radius: number): void {
  const { xy } = group;
  const side = Math.max(1.5, radius);
  ctx.fillStyle = group.colour;
  ctx.strokeStyle = group.colour;
  ctx.lineWidth = 1;
  for (let i = 0; i < xy.length; i += 2) {
    if (group.hollow) ctx.strokeRect(xy[i] - side / 2, xy[i + 1] - side / 2, side, side);
    else ctx.fillRect(xy[i] - side / 2, xy[i + 1] - side / 2, side, side);
  }
}

/** draws every shown example; returns how many were drawn filled (train) and hollow (test) */
export function paintPoints(
  ctx: PointsContext,
  examples: readonly Example[],
  domain: Domain,
  size: PlotSize,
  scheme: PointScheme,
  style: PointStyle,
): { filled: number; hollow: number } {
  ctx.clearRect(0, 0, size.width, size.height);
  const counts = { filled: 0, hollow: 0 };
  for (const group of pointGroups(examples, domain, size, scheme, style.radius)) {
    if (examples.length >= DOTS_FROM) dots(ctx, group, style.radius);
    else circles(ctx, group, style);
    counts[group.hollow ? 'hollow' : 'filled'] += group.xy.length / 2;
  }
  return counts;
}
