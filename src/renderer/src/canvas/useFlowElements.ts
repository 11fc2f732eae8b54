import { useCallback, useMemo, useRef, useState } from 'react';
import type { GraphEdge, GraphNode } from '../../../engine/types';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import type { FlowEdge, FlowNode } from './flowTypes';

type Size = { width: number; height: number };

// Derives React Flow's nodes and edges from the document and the selection. An element whose
// document record, selection and measured size did not change keeps its identity, so React Flow
// re-renders only what changed (a drag re-renders the dragged node, training only the edges).
export function useFlowElements() {
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const selectedNodes = useSelection((s) => s.nodeIds);
  const selectedEdges = useSelection((s) => s.edgeIds);
  const sizes = useRef(new Map<string, Size>());
  const [sizeTick, setSizeTick] = useState(0);
  const nodeCache = useRef(new WeakMap<GraphNode, FlowNode>());
  const edgeCache = useRef(new WeakMap<GraphEdge, FlowEdge>());

  const flowNodes = useMemo(() => {
    void sizeTick;
    const selected = new Set(selectedNodes);
    return nodes.map((n) => cachedNode(nodeCache.current, n, selected.has(n.id), sizes.current.get(n.id)));
  }, [nodes, selectedNodes, sizeTick]);

  const flowEdges = useMemo(() => {
    const selected = new Set(selectedEdges);
    return edges.map((e) => cachedEdge(edgeCache.current, e, selected.has(e.id)));
  }, [edges, selectedEdges]);

  const setSize = useCallback((id: string, size: Size) => {
    const old = sizes.current.get(id);
    if (old && old.width === size.width && old.height === size.height) return;
    sizes.current.set(id, size);
    setSizeTick((t) => t + 1);
  }, []);

  return { flowNodes, flowEdges, setSize };
}

function cachedNode(cache: WeakMap<GraphNode, FlowNode>, node: GraphNode, selected: boolean, size: Size | undefined): FlowNode {
  const old = cache.get(node);
  if (old && old.selected === selected && old.measured?.width === size?.width && old.measured?.height === size?.height) {
    return old;
  }
  const flow: FlowNode = {
    id: node.id,
    type: node.type,
    position: node.position ? { x: node.position.x, y: node.position.y } : { x: 0, y: 0 },
    data: { node },
    selected,
    ...(size ? { measured: size } : {}),
  };
  cache.set(node, flow);
  return flow;
}

function cachedEdge(cache: WeakMap<GraphEdge, FlowEdge>, edge: GraphEdge, selected: boolean): FlowEdge {
  const old = cache.get(edge);
  if (old && old.selected === selected) return old;
  const flow: FlowEdge = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'weight',
    data: { edge },
    selected,
  };
  cache.set(edge, flow);
  return flow;
}
