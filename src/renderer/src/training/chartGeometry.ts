import type { HistoryPoint } from './protocol';

// Pixel geometry of the loss chart: E on the left axis (linear or log), accuracy 0…1 on the right.

export interface ChartBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Scales {
  x(epoch: number): number;
  yError(error: number): number;
  yAccuracy(accuracy: number): number;
  errorMin: number;
  errorMax: number;
}

/** `errors`: every value the left axis shows (default each point's E; train and test curves both) */
export function scales(points: readonly HistoryPoint[], box: ChartBox, log: boolean, errors: readonly number[] = points.map((p) => p.error)): Scales {
  const first = points[0]?.epoch ?? 0;
  const last = Math.max(points[points.length - 1]?.epoch ?? 1, first + 1);
  const finite = errors.filter((e) => Number.isFinite(e) && (!log || e > 0));
  let errorMin = log ? Math.min(...finite) : 0;
  let errorMax = Math.max(...finite);
  if (!Number.isFinite(errorMax)) errorMax = 1;
  if (!Number.isFinite(errorMin)) errorMin = log ? errorMax / 10 : 0;
  if (!(errorMax > errorMin)) errorMax = errorMin + (log ? errorMin || 1 : 1);
  const t = log
    ? (e: number) => (Math.log10(Math.max(e, errorMin)) - Math.log10(errorMin)) / (Math.log10(errorMax) - Math.log10(errorMin))
    : (e: number) => (e - errorMin) / (errorMax - errorMin);
  return {
    x: (epoch) => box.left + ((epoch - first) / (last - first)) * box.width,
    yError: (e) => box.top + (1 - t(e)) * box.height,
    yAccuracy: (a) => box.top + (1 - a) * box.height,
    errorMin,
    errorMax,
  };
}

/**
 * An SVG path through the points, non-finite values breaking the line. Of the points falling in one
 * pixel column it keeps the first, the lowest, the highest and the last (M4 aggregation, Jugel et
 * al., VLDB 2014): the line drawn is the same, and 2,000 recorded epochs across a 250-pixel chart
 * become at most 1,000 points instead of 2,000 per curve, built and painted on every snapshot.
 * Columns are the SVG's user units, which are CSS pixels (LossChart sets no viewBox).
 */
export function linePath(points: readonly HistoryPoint[], px: (p: HistoryPoint) => number, py: (p: HistoryPoint) => number): string {
  let d = '';
  let pen = false;
  const put = (x: number, y: number) => {
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  };
  // the column being gathered: how many points it has, and its first (0), lowest (l), highest (h) and last (1) — index, x, y
  let column = NaN;
  let n = 0;
  let x0 = 0, y0 = 0, il = 0, xl = 0, yl = 0, ih = 0, xh = 0, yh = 0, i1 = 0, x1 = 0, y1 = 0; // prettier-ignore
  const flush = () => {
    if (n === 0) return;
    put(x0, y0);
    // the lowest and the highest, in the order they came, unless they are the first or the last
    // (il and ih are equal only when both are 0: a column of one point, or of equal points)
    const inner = il < ih ? [il, ih] : [ih, il];
    for (const i of inner) if (i > 0 && i < i1) put(i === il ? xl : xh, i === il ? yl : yh);
    if (i1 > 0) put(x1, y1);
    n = 0;
  };
  for (const p of points) {
    const x = px(p);
    const y = py(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      flush();
      pen = false;
      continue;
    }
    if (Math.floor(x) !== column) {
      flush();
      column = Math.floor(x);
    }
    if (n === 0) {
      x0 = xl = xh = x1 = x;
      y0 = yl = yh = y1 = y;
      il = ih = i1 = 0;
    } else {
      if (y < yl) [il, xl, yl] = [n, x, y];
      if (y > yh) [ih, xh, yh] = [n, x, y];
      [i1, x1, y1] = [n, x, y];
    }
    n++;
  }
  flush();
  return d;
}

/** the point whose epoch is nearest to the one under the pointer */
export function nearestByEpoch(points: readonly HistoryPoint[], epoch: number): HistoryPoint | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].epoch < epoch) lo = mid + 1;
    else hi = mid;
  }
  const prev = points[lo - 1];
  return prev && epoch - prev.epoch < points[lo].epoch - epoch ? prev : points[lo];
}
