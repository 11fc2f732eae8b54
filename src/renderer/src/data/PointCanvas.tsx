import { memo, useEffect, useRef } from 'react';
import type { Domain, Example } from '../../../engine/format/types';
import type { PlotSize } from './plotMapping';
import { paintPoints, pointRadius } from './paintPoints';
import type { PointScheme } from './pointLook';

// Many examples as one canvas (paintPoints.ts); repainted only when the examples, the plane,
// the size or the way points are drawn change. Its colours are the legend's.
export const PointCanvas = memo(function PointCanvas({
  examples,
  domain,
  size,
  scheme,
}: {
  examples: readonly Example[];
  domain: Domain;
  size: PlotSize;
  scheme: PointScheme;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paintPoints(ctx, examples, domain, size, scheme, { outline: '#fff', radius: pointRadius(examples.length) });
  }, [examples, domain, size, scheme]);
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
