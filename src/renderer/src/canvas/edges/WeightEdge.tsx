import { memo, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { EdgeData, FlowEdge } from '../flowTypes';
import { compact } from '../format';
import { stepLabelsEdge } from '../../stepper/edgeLabels';
import { useEdgeWeight, useStrokeWeight } from './useEdgeWeight';
import { EDGE_OPACITY, edgeCurve } from './edgeCurve';
import { useLive } from '../../studio/hooks';

/** an edge switched off or frozen: faint, so the live network reads first */
const OFF_OPACITY = 0.35;

/** TF Playground's convention: orange negative, blue positive, width growing with |w| */
export function edgeStroke(weight: number): { stroke: string; strokeWidth: number } {
  const width = 1 + Math.min(7, 2.2 * Math.abs(weight));
  return { stroke: weight < 0 ? 'var(--neg)' : 'var(--pos)', strokeWidth: width };
}

/** the stroke width to a quarter pixel, negative for a negative weight: what the eye can tell apart */
export function strokeBucket(weight: number): number {
  const width = Math.round(edgeStroke(weight).strokeWidth * 4) / 4;
  return weight < 0 ? -width : width;
}

function bucketStroke(bucket: number): { stroke: string; strokeWidth: number } {
  return { stroke: bucket < 0 ? 'var(--neg)' : 'var(--pos)', strokeWidth: Math.abs(bucket) };
}

// An edge w_{j→k}: coloured by sign, thick by magnitude; weight and ∂E/∂w on hover or selection.
export const WeightEdge = memo(function WeightEdge(props: EdgeProps<FlowEdge>) {
  const { id, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const ablation = props.data?.ablation ?? 'on';
  // a step over every edge labels one neuron's incoming edges; the rest on hover (stepper/edgeLabels.ts)
  const stepLabelled = useLive((s) => stepLabelsEdge(s.reveal, id, target));
  const revealed = useLive((s) => s.reveal?.edges[id]?.grad === true);
  const [hover, setHover] = useState(false);
  const { d: path, labelX, labelY } = edgeCurve({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // a big graph's edge under the pointer is found on its canvas and handed over hovered (useCanvasEdgePointer.ts)
  const showLabel = selected || hover || props.data?.hovered === true || stepLabelled;
  const bucket = useStrokeWeight(id, strokeBucket);
  const { stroke, strokeWidth } = bucketStroke(bucket);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={[revealed ? 'bp-edge-revealed' : '', ablation !== 'on' ? `bp-edge-${ablation}` : ''].join(' ').trim() || undefined}
        style={{ stroke, strokeWidth: selected ? strokeWidth + 1.5 : strokeWidth, opacity: selected ? 1 : ablation === 'on' ? EDGE_OPACITY : OFF_OPACITY }}
        interactionWidth={14}
      />
      <path d={path} fill="none" stroke="transparent" strokeWidth={16} onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)} />
      {showLabel && <WeightLabel id={id} x={labelX} y={labelY} selected={selected === true} ablation={ablation} />}
    </>
  );
});

// The label of a hovered, selected or stepped edge: its weight and ∂E/∂w, which change with
// every snapshot while training; only the few edges showing one subscribe to them.
const WeightLabel = memo(function WeightLabel({ id, x, y, selected, ablation }: { id: string; x: number; y: number; selected: boolean; ablation: EdgeData['ablation'] }) {
  const weight = useEdgeWeight(id);
  const update = useLive((s) => s.reveal?.edges[id]?.update);
  // while stepping, ∂E/∂w only once the step-through has revealed it
  const grad = useLive((s) => (s.reveal && !s.reveal.edges[id]?.grad ? undefined : s.edges[id]?.grad));
  return (
    <EdgeLabelRenderer>
      <div className={`bp-edge-label${selected ? ' selected' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}>
        <span title={`w = ${String(weight)}`} data-quantity="w" data-value={String(weight)}>
          w {compact(weight)}
        </span>
        {ablation !== 'on' && <span className="bp-edge-offmark">{ablation === 'off' ? 'off' : 'frozen'}</span>}
        {grad !== undefined && (
          <span title={`∂E/∂w = ${String(grad)}`} data-quantity="grad" data-value={String(grad)}>
            ∂E/∂w {compact(grad)}
          </span>
        )}
        {update && (
          <span title={`${String(update.old)} → ${String(update.next)}`}>
            → {compact(update.next)}
          </span>
        )}
      </div>
    </EdgeLabelRenderer>
  );
});
