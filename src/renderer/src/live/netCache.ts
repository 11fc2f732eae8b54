import { compile, type GraphDoc, type Net } from '../../../engine';

// The document's topology compiled once: as long as nodes (type, activation, feature, output) and
// edges (id, source, target) stay the same, new weights are copied into the cached net instead
// of compiling again. Returns null for a document that breaks a graph rule.

function sameTopology(a: GraphDoc, b: { nodes: GraphDoc['nodes']; edges: GraphDoc['edges'] }): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const p = a.nodes[i];
    const q = b.nodes[i];
    if (p === q) continue;
    if (p.id !== q.id || p.type !== q.type) return false;
    if (p.type === 'input' && q.type === 'input' && p.feature !== q.feature) return false;
    if (p.type === 'neuron' && q.type === 'neuron' && (p.activation !== q.activation || p.output !== q.output)) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const p = a.edges[i];
    const q = b.edges[i];
    if (p !== q && (p.id !== q.id || p.source !== q.source || p.target !== q.target)) return false;
  }
  return true;
}

export interface NetCache {
  /** the document's compiled net with its weights, or null for a document that breaks a graph rule */
  netFor(doc: GraphDoc): Net | null;
}

export function createNetCache(): NetCache {
  let cached: { net: Net; nodes: GraphDoc['nodes']; edges: GraphDoc['edges']; examples: unknown } | null = null;
  return {
    netFor(doc) {
      // the dataset takes part in validation (feature and output indices), so a new one recompiles
      if (cached && cached.examples === doc.dataset.examples && sameTopology(doc, cached)) {
        const { net } = cached;
        for (let e = 0; e < doc.edges.length; e++) net.weights[e] = doc.edges[e].weight;
        cached = { ...cached, nodes: doc.nodes, edges: doc.edges };
        return net;
      }
      try {
        const net = compile(doc);
        cached = { net, nodes: doc.nodes, edges: doc.edges, examples: doc.dataset.examples };
        return net;
      } catch {
        cached = null;
        return null;
      }
    },
  };
}
