import { memo, useEffect, useRef } from 'react';
import type { Domain, Example } from '../../../engine/format/types';
import type { TargetValues } from './csv';
import type { PlotSize } from './plotMapping';
import { paintPoints, pointRadius } from './paintPoints';

// Many examples as one canvas (paintPoints.ts); repainted only when the examples, the plane,
// the size or the class targets change. Its colours are the plot's CSS class colours.
export const PointCanvas = memo(function PointCanvas({
  examples,
  domain,
  size,
  targets,
}: {
  examples: readonly Example[];
  domain: Domain;
  size: PlotSize;
  targets: TargetValues;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { low, high } = targets;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const css = getComputedStyle(canvas);
    const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const style = { low: colour('--class0', '#e0453a'), high: colour('--class1', '#2f6fde'), outline: '#fff', radius: pointRadius(examples.length) };
    paintPoints(ctx, examples, domain, size, { low, high }, style);
  }, [examples, domain, size, low, high]);
  return (
    <canvas
      ref={ref}
      className="plot-points plot-points-canvas"
      style={{ width: size.width, height: size.height }}
      data-testid="plot-points-canvas"
      data-count={examples.length}
      aria-hidden="true"
    />
  );
});
