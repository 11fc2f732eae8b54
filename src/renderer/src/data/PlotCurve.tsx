import { memo } from 'react';
import type { Domain } from '../../../engine/format/types';
import type { GridSpec } from './maps';
import { cellCentre, toPixel, type PlotSize } from './plotMapping';
import { useDocument, useMaps } from '../studio/hooks';

// A 1-D function fit's h(x₁) as a curve over its points, read off the output's map (the grid
// pass already computes it, paced like every map): h at x₂ = 0, interpolated between the two
// rows whose centres straddle 0 (the points' unused x₂ is 0).

/** h(x₁, 0) at each column's centre, from a map over `spec` (NaN where 0 is outside the rows) */
export function curveOf(values: Float32Array, spec: GridSpec): { x: number; h: number }[] {
  const { cols, rows, domain } = spec;
  const [y0, y1] = domain.y;
  const at = ((y1 - 0) / (y1 - y0)) * rows - 0.5; // fractional row of y = 0
  const above = Math.max(0, Math.min(rows - 1, Math.floor(at)));
  const below = Math.min(rows - 1, above + 1);
  const t = Math.max(0, Math.min(1, at - above));
  const inside = at >= -0.5 && at <= rows - 0.5;
  return Array.from({ length: cols }, (_, col) => ({
    x: cellCentre(col, 0, cols, rows, domain).x,
    h: inside ? values[above * cols + col] * (1 - t) + values[below * cols + col] * t : NaN,
  }));
}

export const PlotCurve = memo(function PlotCurve({ size, domain }: { size: PlotSize; domain: Domain }) {
  const outputId = useDocument((s) => s.doc.nodes.find((n) => n.type === 'neuron' && n.output === 0)?.id);
  const spec = useMaps((s) => s.spec);
  const values = useMaps((s) => (outputId === undefined ? undefined : s.values[outputId]));
  if (!spec || !values) return null;
  const points = curveOf(values, spec)
    .filter((p) => Number.isFinite(p.h))
    .map((p) => toPixel({ x: p.x, y: p.h }, domain, size))
    .map((p) => `${p.x.toFixed(1)},${Math.max(-1000, Math.min(1000, p.y)).toFixed(1)}`);
  return <polyline className="plot-curve" points={points.join(' ')} data-testid="plot-curve" />;
});
