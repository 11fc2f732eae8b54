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

/** an SVG path through the points (non-finite values break the line) */
export function linePath(points: readonly HistoryPoint[], px: (p: HistoryPoint) => number, py: (p: HistoryPoint) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const x = px(p);
    const y = py(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
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
