import { memo, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Domain, Example } from '../../../engine/format/types';
import { toPixel, type PlotSize } from './plotMapping';
import { DEFAULT_DOMAIN } from './plotMapping';
import { CANVAS_POINTS_FROM, pointRadius } from './paintPoints';
import { PointCanvas } from './PointCanvas';
import { HOLLOW_FILL, lookOf, pointScheme } from './pointLook';
import { plotPointOf } from './plotCoords';
import { PlotCurve } from './PlotCurve';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The examples as dots in their class's colour (or their value's, for regression), test
// examples hollow (hidden while "show test data" is off); the example in hand is ringed. Up to a
// few thousand each is an SVG circle; past that they are painted on a canvas (PointCanvas), so a
// data set of 600,000 examples appears and the page stays responsive.
export const PlotPoints = memo(function PlotPoints({ size }: { size: PlotSize }) {
  const studio = useStudio();
  const dataset = useDocument((s) => s.doc.dataset);
  const { examples } = dataset;
  const domain: Domain = dataset.domain ?? DEFAULT_DOMAIN;
  const nodes = useDocument((s) => s.doc.nodes);
  const showTest = useStore(studio.plotView, (s) => s.showTest);
  const selected = useLive((s) => s.exampleIndex);
  const scheme = useMemo(() => pointScheme({ nodes, dataset }, showTest), [nodes, dataset, showTest]);
  const onCanvas = examples.length >= CANVAS_POINTS_FROM;
  const radius = pointRadius(examples.length);

  return (
    <>
      {onCanvas && <PointCanvas examples={examples} domain={domain} size={size} scheme={scheme} />}
      <svg className="plot-points" width={size.width} height={size.height} aria-hidden="true">
        {scheme.functionFit && <PlotCurve size={size} domain={domain} />}
        {!onCanvas &&
          examples.map((e, i) => {
            const look = lookOf(e, scheme);
            if (!look) return null;
            const p = toPixel(plotPointOf(e, scheme.functionFit), domain, size);
            return (
              <circle
                key={i}
                cx={p.x}
                cy={p.y}
                r={radius}
                className={look.hollow ? 'point point-test' : 'point'}
                style={look.hollow ? { fill: HOLLOW_FILL, stroke: look.colour } : { fill: look.colour }}
                data-colour={look.colour}
              />
            );
          })}
        {selected !== null && examples[selected] && (
          <SelectedRing example={examples[selected]} functionFit={scheme.functionFit} domain={domain} size={size} />
        )}
      </svg>
    </>
  );
});

function SelectedRing({ example, functionFit, domain, size }: { example: Example; functionFit: boolean; domain: Domain; size: PlotSize }) {
  const p = toPixel(plotPointOf(example, functionFit), domain, size);
  return <circle cx={p.x} cy={p.y} r={8} className="point-selected" />;
}
