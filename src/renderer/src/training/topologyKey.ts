import type { GraphDoc } from '../../../engine/types';

// What a compiled net (and its WebAssembly kernel) depends on besides the weights: nodes with
// their kinds, activations, features and outputs, and the edges' ends, in document order.
export function topologyKey(doc: Pick<GraphDoc, 'nodes' | 'edges'>): string {
  const nodes = doc.nodes.map(
    (n) => `${n.id}:${n.type}:${n.type === 'neuron' ? `${n.activation}:${n.output ?? ''}` : n.type === 'input' ? n.feature : ''}`,
  );
  const edges = doc.edges.map((e) => `${e.id}:${e.source}>${e.target}`);
  return `${nodes.join('|')}#${edges.join('|')}`;
}
