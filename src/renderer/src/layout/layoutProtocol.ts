import type { GraphDoc, Position } from '../../../engine';
import type { LayoutMethod } from './layoutPolicy';

// Messages between the layout service (layoutService.ts) and the layout worker: the graph's shape
// only (ids, types, the document's y for the order within a layer) and the positions back.

export interface LayoutGraph {
  nodes: { id: string; type: GraphDoc['nodes'][number]['type']; position?: Position }[];
  edges: { id: string; source: string; target: string }[];
}

export type ToLayoutWorker = { id: number; method: LayoutMethod; graph: LayoutGraph };

export type FromLayoutWorker =
  | { id: number; ok: true; positions: Record<string, Position> }
  | { id: number; ok: false; message: string };

/** what the layout needs of a document (no weights, no data set) */
export function layoutGraph(doc: Pick<GraphDoc, 'nodes' | 'edges'>): LayoutGraph {
  return {
    nodes: doc.nodes.map((n) => (n.position ? { id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y } } : { id: n.id, type: n.type })),
    edges: doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
