import type { GraphDoc, GraphEdge, GraphNode } from '../../../engine/format/types';

// What a compiled net (and its WebAssembly kernel) depends on besides the weights: nodes with
// their kinds, activations, features and outputs, and the edges' ends, in document order.
// Remembered per (nodes, edges) arrays — the document never changes them in place — since the
// maps ask for it with every weight update while training runs.

const memo = new WeakMap<readonly GraphNode[], WeakMap<readonly GraphEdge[], string>>();

export function topologyKey(doc: Pick<GraphDoc, 'nodes' | 'edges'>): string {
  let byEdges = memo.get(doc.nodes);
  if (!byEdges) memo.set(doc.nodes, (byEdges = new WeakMap()));
  let key = byEdges.get(doc.edges);
  if (key === undefined) byEdges.set(doc.edges, (key = computeKey(doc)));
  return key;
}

function computeKey(doc: Pick<GraphDoc, 'nodes' | 'edges'>): string {
  const nodes = doc.nodes.map(
    (n) => `${n.id}:${n.type}:${n.type === 'neuron' ? `${n.activation}:${n.output ?? ''}` : n.type === 'input' ? n.feature : ''}`,
  );
  const edges = doc.edges.map((e) => `${e.id}:${e.source}>${e.target}`);
  return `${nodes.join('|')}#${edges.join('|')}`;
}
