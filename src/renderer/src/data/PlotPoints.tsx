import { memo, useMemo } from 'react';
import type { Domain } from '../../../engine/format/types';
import { toPixel, type PlotSize } from './plotMapping';
import { isHighClass, targetValues } from './targets';
import { DEFAULT_DOMAIN } from './plotMapping';
import { CANVAS_POINTS_FROM, pointRadius } from './paintPoints';
import { PointCanvas } from './PointCanvas';
import { useDocument, useLive } from '../studio/hooks';

// The examples as red (low) and blue (high) dots; the example in hand is ringed. Up to a few
// thousand each is an SVG circle; past that they are painted on a canvas (PointCanvas), so a
// data set of 600,000 examples appears and the page stays responsive.
export const PlotPoints = memo(function PlotPoints({ size }: { size: PlotSize }) {
  const examples = useDocument((s) => s.doc.dataset.examples);
  const domain: Domain = useDocument((s) => s.doc.dataset.domain) ?? DEFAULT_DOMAIN;
  const nodes = useDocument((s) => s.doc.nodes);
  const selected = useLive((s) => s.exampleIndex);
  const targets = useMemo(() => targetValues({ nodes }), [nodes]);
  const onCanvas = examples.length >= CANVAS_POINTS_FROM;
  const radius = pointRadius(examples.length);

  return (
    <>
      {onCanvas && <PointCanvas examples={examples} domain={domain} size={size} targets={targets} />}
      <svg className="plot-points" width={size.width} height={size.height} aria-hidden="true">
        {!onCanvas &&
          examples.map((e, i) => {
            const p = toPixel({ x: e.x[0] ?? 0, y: e.x[1] ?? 0 }, domain, size);
            return <circle key={i} cx={p.x} cy={p.y} r={radius} className={isHighClass(e, targets) ? 'point point-high' : 'point point-low'} />;
          })}
        {selected !== null && examples[selected] && <SelectedRing example={examples[selected].x} domain={domain} size={size} />}
      </svg>
    </>
  );
});

function SelectedRing({ example, domain, size }: { example: number[]; domain: Domain; size: PlotSize }) {
  const p = toPixel({ x: example[0] ?? 0, y: example[1] ?? 0 }, domain, size);
  return <circle cx={p.x} cy={p.y} r={8} className="point-selected" />;
}
