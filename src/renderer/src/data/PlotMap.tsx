import { memo, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { problemOf } from '../../../engine/format/types';
import { rangeFor, valueRange, type ValueRange } from './colorScale';
import { useMapPainter } from './paintMap';
import { targetValues } from './targets';
import { CLASS_COLOURS, isOneHot } from './classes';
import { isFunctionFit } from './plotCoords';
import { useDocument, useHover, useLive, useMaps } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Behind the points: the output's map — two classes: z between the low and high targets (or,
// discretised, the class each cell would get); k classes: the winning output's colour;
// regression: h itself on the targets' scale — or, while a neuron on the canvas is hovered,
// that neuron's own z_k. A 1-D function fit has no map: its fit is the curve (PlotCurve).

interface Shown {
  nodeId: string | null;
  activation: string | undefined;
  isOutput: boolean;
}

function useShownNode(): Shown {
  const hovered = useHover((s) => s.hoveredNodeId);
  const outputIndex = useLive((s) => s.outputIndex);
  const nodes = useDocument((s) => s.doc.nodes);
  const node =
    (hovered !== null ? nodes.find((n) => n.id === hovered && n.type === 'neuron') : undefined) ??
    nodes.find((n) => n.type === 'neuron' && n.output === outputIndex) ??
    nodes.find((n) => n.type === 'neuron' && n.output === 0);
  if (!node || node.type !== 'neuron') return { nodeId: null, activation: undefined, isOutput: false };
  return { nodeId: node.id, activation: node.activation, isOutput: node.output !== undefined && node.id !== hovered };
}

/** the output neurons' ids by output index */
function useOutputIds(): string[] {
  const nodes = useDocument((s) => s.doc.nodes);
  return useMemo(() => {
    const ids: string[] = [];
    for (const n of nodes) if (n.type === 'neuron' && n.output !== undefined) ids[n.output] = n.id;
    return ids.filter((id) => id !== undefined);
  }, [nodes]);
}

type MapMode = 'classes' | 'winner' | 'value' | 'none';

export const PlotMap = memo(function PlotMap() {
  const ref = useRef<HTMLCanvasElement>(null);
  const painter = useMapPainter();
  const studio = useStudio();
  const discrete = useStore(studio.plotView, (s) => s.discrete);
  const shown = useShownNode();
  const outputIds = useOutputIds();
  const spec = useMaps((s) => s.spec);
  const all = useMaps((s) => s.values);
  const nodes = useDocument((s) => s.doc.nodes);
  const dataset = useDocument((s) => s.doc.dataset);
  const regression = problemOf(dataset) === 'regression';
  const mode: MapMode = !shown.isOutput
    ? 'classes'
    : isFunctionFit(dataset)
      ? 'none'
      : regression
        ? 'value'
        : isOneHot(dataset) && outputIds.length >= 2
          ? 'winner'
          : 'classes';
  const values = shown.nodeId === null ? undefined : all[shown.nodeId];
  const range = useMemo(() => (mode === 'value' ? valueRange(dataset.examples) : null), [mode, dataset.examples]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (!spec || !values || mode === 'none') {
      painter.clear(canvas);
      return;
    }
    if (mode === 'winner') {
      const outputs = outputIds.map((id) => all[id]).filter((v): v is Float32Array => v !== undefined);
      if (outputs.length === outputIds.length) painter.paintWinners(canvas, spec, outputs, CLASS_COLOURS, discrete);
      return;
    }
    const targets = targetValues({ nodes });
    const shownRange: ValueRange =
      range ?? (shown.isOutput ? { lo: targets.low, hi: targets.high } : rangeFor(shown.activation, values));
    painter.paint(canvas, spec, values, shownRange, discrete && mode === 'classes' && shown.isOutput);
  }, [painter, spec, values, all, outputIds, mode, range, discrete, shown.isOutput, shown.activation, nodes]);

  const caption =
    shown.nodeId === null
      ? 'no output neuron yet'
      : mode === 'winner'
        ? `the winning output of ${outputIds.length}`
        : mode === 'value'
          ? `h of output ${shown.nodeId}`
          : mode === 'none'
            ? `h of output ${shown.nodeId}: the curve`
            : `z of ${shown.isOutput ? 'output' : 'neuron'} ${shown.nodeId}`;
  return (
    <>
      <canvas ref={ref} className="plot-map" role="img" aria-label={`map of ${caption}`} data-mode={mode} />
      <span className="plot-caption">{caption}</span>
    </>
  );
});
