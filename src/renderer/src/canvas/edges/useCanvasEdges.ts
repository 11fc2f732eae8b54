import { useEffect } from 'react';
import { ConnectionMode, useStoreApi, type InternalNode } from '@xyflow/react';
import { getEdgePosition } from '@xyflow/system';
import type { GraphEdge } from '../../../../engine/format/types';
import type { FlowNode } from '../flowTypes';
import type { EdgeLayer } from './edgeLayer';
import { edgeCurve, type EdgeCurve } from './edgeCurve';
import { strokeBucket } from './WeightEdge';
import { useStudio } from '../../studio/StudioContext';

// A big graph's edges that React Flow does not render (every one not drawn highlighted,
// useFlowElements) are put on the edge canvas here: each curve from its ends' handles as React
// Flow places them (the same getEdgePosition and edgeCurve an SVG edge uses), each stroke from
// the shown weights, else the document's. A curve is made again only when an end's node changed
// (moved, measured); a pan or zoom changes nothing here (the canvas repaints in the new view).

interface Placed extends EdgeCurve {
  source: InternalNode<FlowNode>;
  target: InternalNode<FlowNode>;
}

export function useCanvasEdges(layer: EdgeLayer): void {
  const studio = useStudio();
  const flow = useStoreApi<FlowNode>();

  useEffect(() => {
    const placed = new Map<string, Placed>();
    let lastEdges: readonly GraphEdge[] | null = null;
    let pending = false;
    let live = true;

    const sync = () => {
      pending = false;
      if (!live) return;
      const { doc } = studio.document.getState();
      const { nodeLookup, edgeLookup } = flow.getState();
      const { strokes, index } = studio.shown.strokes.getState();
      for (const edge of doc.edges) {
        if (edgeLookup.has(edge.id)) {
          // React Flow draws it (highlighted)
          layer.drop(edge.id);
          continue;
        }
        const curve = place(edge, nodeLookup.get(edge.source), nodeLookup.get(edge.target), placed.get(edge.id));
        if (!curve) {
          placed.delete(edge.id);
          layer.drop(edge.id);
          continue;
        }
        placed.set(edge.id, curve);
        const i = strokes ? index?.get(edge.id) : undefined;
        layer.put(edge.id, curve.d, strokeBucket(strokes && i !== undefined ? strokes[i] : edge.weight), curve.box);
      }
      if (doc.edges !== lastEdges) {
        // edges the document no longer holds leave the canvas
        const ids = new Set(doc.edges.map((e) => e.id));
        for (const id of placed.keys()) {
          if (ids.has(id)) continue;
          placed.delete(id);
          layer.drop(id);
        }
        lastEdges = doc.edges;
      }
    };
    // several stores change in one task (a drag moves a node and re-measures it): sync once after them
    const request = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(sync);
    };
    const stops = [
      studio.document.subscribe((s, prev) => s.doc !== prev.doc && request()),
      studio.shown.strokes.subscribe(request),
      flow.subscribe((s, prev) => {
        // a pan or zoom alone moves no curve
        if (s.transform !== prev.transform && s.nodes === prev.nodes && s.edges === prev.edges) return;
        request();
      }),
    ];
    // the first fill after the frame that shows the nodes (a big file's nodes answer clicks first)
    pending = true;
    const first = studio.env.requestFrame(() => studio.env.afterRender(sync));
    return () => {
      live = false;
      studio.env.cancelFrame(first);
      for (const stop of stops) stop();
      for (const id of placed.keys()) layer.drop(id);
    };
  }, [studio, flow, layer]);
}

/** the edge's curve between its ends' handles (the last one while both ends are the same internal nodes), or null while an end is not placed yet */
function place(edge: GraphEdge, source: InternalNode<FlowNode> | undefined, target: InternalNode<FlowNode> | undefined, last: Placed | undefined): Placed | null {
  if (!source || !target) return null;
  if (last && last.source === source && last.target === target) return last;
  const ends = getEdgePosition({ id: edge.id, sourceNode: source, targetNode: target, sourceHandle: null, targetHandle: null, connectionMode: ConnectionMode.Strict });
  return ends ? { ...edgeCurve(ends), source, target } : null;
}
