import { memo, useEffect, useRef } from 'react';
import { rangeFor, type ValueRange } from './colorScale';
import { clearMap, paintMap } from './paintMap';
import { targetValues } from './targets';
import { useDocument, useHover, useLive, useMaps } from '../studio/hooks';

// Behind the points: the output's map (its class colours span the low and high targets), or,
// while a neuron on the canvas is hovered, that neuron's own z_k.

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

export const PlotMap = memo(function PlotMap({ discrete }: { discrete: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const shown = useShownNode();
  const spec = useMaps((s) => s.spec);
  const values = useMaps((s) => (shown.nodeId === null ? undefined : s.values[shown.nodeId]));
  const nodes = useDocument((s) => s.doc.nodes);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (!spec || !values) {
      clearMap(canvas);
      return;
    }
    const targets = targetValues({ nodes });
    const range: ValueRange = shown.isOutput ? { lo: targets.low, hi: targets.high } : rangeFor(shown.activation, values);
    paintMap(canvas, spec, values, range, discrete);
  }, [spec, values, discrete, shown.isOutput, shown.activation, nodes]);

  const caption = shown.nodeId === null ? 'no output neuron yet' : `${shown.isOutput ? 'output' : 'neuron'} ${shown.nodeId}`;
  return (
    <>
      <canvas ref={ref} className="plot-map" role="img" aria-label={`map of z for ${caption}`} />
      <span className="plot-caption">{shown.nodeId === null ? caption : `z of ${caption}`}</span>
    </>
  );
});
