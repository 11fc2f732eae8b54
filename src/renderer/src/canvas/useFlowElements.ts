import { useCallback, useMemo, useRef, useState } from 'react';
import type { GraphEdge, GraphNode } from '../../../engine/format/types';
import type { EdgeData, FlowEdge, FlowNode } from './flowTypes';
import type { Position } from '../../../engine';
import { edgeAblation, offNodeIds } from './ablation';
import { useDocument, useDragPositions, useLive, useSelection } from '../studio/hooks';
import { NODE_ESTIMATES } from './nodeEstimate';

type Size = { width: number; height: number };

// Derives React Flow's nodes and edges from the document and the selection. An element whose
// document record, selection and measured size did not change keeps its identity, so React Flow
// re-renders only what changed (a drag re-renders the dragged node; training's weights reach
// the edges through their own subscriptions, so React Flow's edges stay the same objects).
// `estimate` (a big graph, which renders only what is in view): a node not yet measured carries
// an estimated size and handles, so React Flow need not render it to measure it (nodeEstimate.ts).
// `onCanvas` (a big graph): React Flow gets only the edges drawn highlighted — selected, `hovered`,
// switched off or frozen, or shown by the step-through; every other edge is painted on the edge
// canvas (edges/useCanvasEdges.ts) and is no React component at all.
export function useFlowElements(estimate = false, onCanvas = false, hovered: string | null = null) {
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const selectedNodes = useSelection((s) => s.nodeIds);
  const dragged = useDragPositions((s) => s.positions);
  const selectedEdges = useSelection((s) => s.edgeIds);
  const stepped = useLive((s) => (onCanvas ? (s.reveal?.edges ?? null) : null));
  const sizes = useRef(new Map<string, Size>());
  const [sizeTick, setSizeTick] = useState(0);
  const nodeCache = useRef(new WeakMap<GraphNode, FlowNode>());
  const edgeCache = useRef(new Map<string, FlowEdge>());
  const lastEdges = useRef<FlowEdge[]>([]);

  const flowNodes = useMemo(() => {
    void sizeTick;
    const selected = new Set(selectedNodes);
    return nodes.map((n) => cachedNode(nodeCache.current, n, selected.has(n.id), sizes.current.get(n.id), dragged[n.id], estimate));
  }, [nodes, selectedNodes, sizeTick, dragged, estimate]);

  // which nodes are off: a node switched off dims the edges at it (they are frozen)
  const offNodes = useMemo(() => offNodeIds(nodes), [nodes]);
  const flowEdges = useMemo(() => {
    const selected = new Set(selectedEdges);
    const next: FlowEdge[] = [];
    for (const e of edges) {
      const ablation = edgeAblation(e, offNodes);
      const isSelected = selected.has(e.id);
      const isHovered = e.id === hovered;
      if (onCanvas && !isSelected && !isHovered && ablation === 'on' && !stepped?.[e.id]) continue;
      next.push(cachedEdge(edgeCache.current, e, isSelected, ablation, onCanvas && isHovered));
    }
    if (edgeCache.current.size > 2 * next.length + 64) pruneEdges(edgeCache.current, next);
    // training changes only weights, which edges read by id: React Flow then gets the same array
    const same = next.length === lastEdges.current.length && next.every((e, i) => e === lastEdges.current[i]);
    if (!same) lastEdges.current = next;
    return lastEdges.current;
  }, [edges, selectedEdges, offNodes, onCanvas, hovered, stepped]);

  const setSize = useCallback((id: string, size: Size) => {
    const old = sizes.current.get(id);
    if (old && old.width === size.width && old.height === size.height) return;
    sizes.current.set(id, size);
    setSizeTick((t) => t + 1);
  }, []);

  return { flowNodes, flowEdges, setSize };
}

function cachedNode(
  cache: WeakMap<GraphNode, FlowNode>,
  node: GraphNode,
  selected: boolean,
  size: Size | undefined,
  dragged: Position | undefined,
  estimate: boolean,
): FlowNode {
  const at = dragged ?? node.position ?? { x: 0, y: 0 };
  const old = cache.get(node);
  const estimated = estimate && !size ? NODE_ESTIMATES[node.type] : undefined;
  const measured = size ?? estimated?.measured;
  if (
    old &&
    old.handles === estimated?.handles &&
    old.selected === selected &&
    old.measured?.width === measured?.width &&
    old.measured?.height === measured?.height &&
    old.position.x === at.x &&
    old.position.y === at.y
  ) {
    return old;
  }
  const flow: FlowNode = {
    id: node.id,
    type: node.type,
    position: { x: at.x, y: at.y },
    data: { node },
    selected,
    ...(size ? { measured: size } : (estimated ?? {})),
  };
  cache.set(node, flow);
  return flow;
}

/** an edge's view depends on its ends, selection, ablation and (a big graph's) hover only: its weight is read by id (useEdgeWeight) */
function cachedEdge(cache: Map<string, FlowEdge>, edge: GraphEdge, selected: boolean, ablation: EdgeData['ablation'], hovered: boolean): FlowEdge {
  const old = cache.get(edge.id);
  if (old && old.selected === selected && old.source === edge.source && old.target === edge.target && old.data?.ablation === ablation && (old.data.hovered === true) === hovered) return old;
  const flow: FlowEdge = { id: edge.id, source: edge.source, target: edge.target, type: 'weight', selected, data: hovered ? { ablation, hovered: true } : { ablation } };
  cache.set(edge.id, flow);
  return flow;
}

function pruneEdges(cache: Map<string, FlowEdge>, keep: readonly FlowEdge[]): void {
  const ids = new Set(keep.map((e) => e.id));
  for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
}
