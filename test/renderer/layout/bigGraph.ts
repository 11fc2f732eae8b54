import { parseGraph, type GraphDoc } from '../../../src/engine';

/** a seeded random loop-free graph: 2 inputs and a bias, `nodes` in all, about `edges` edges, no positions */
export function bigGraph(nodes: number, edges: number, seed = 7): GraphDoc {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const docNodes: GraphDoc['nodes'] = [
    { id: 'in_1', type: 'bias' },
    { id: 'in_x', type: 'input', feature: 0 },
    { id: 'in_y', type: 'input', feature: 1 },
  ];
  for (let i = 3; i < nodes; i++) docNodes.push({ id: `n${i}`, type: 'neuron', activation: 'sigmoid' });
  const seen = new Set<string>();
  const docEdges: GraphDoc['edges'] = [];
  const perNode = Math.max(1, Math.round(edges / (nodes - 3)));
  for (let i = 3; i < nodes; i++) {
    for (let k = 0; k < perNode; k++) {
      // a source among the 60 nodes before this one: long chains, many layers
      const j = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 60)));
      const key = `${docNodes[j].id}>${docNodes[i].id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      docEdges.push({ id: `e${docEdges.length}`, source: docNodes[j].id, target: docNodes[i].id, weight: rand() - 0.5 });
    }
  }
  docNodes[docNodes.length - 1] = { ...docNodes[docNodes.length - 1], output: 0 } as GraphDoc['nodes'][number];
  // through the reader, so the document has its defaults (training settings) as a loaded file does
  const parsed = parseGraph(JSON.stringify({ format: 'backprop-studio.graph', version: 1, nodes: docNodes, edges: docEdges, dataset: { examples: [] } }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.doc;
}
