// The benchmark's networks as graph documents: the tutorial's 2-5-1, a layered 2-32-32-1, and an
// irregular DAG of 200 sigmoid neurons and 2,000 edges with skip connections. All seeded.

import { readFileSync } from 'node:fs';
import { createRng, DEFAULT_TRAINING, generate, parseGraph, randomWeight, type Example, type GraphDoc, type GraphEdge, type GraphNode } from '../src/engine';

export interface BenchNet {
  name: string;
  doc: GraphDoc;
  /** hidden layer sizes when the net is layered (anchors that need layers run only then) */
  layers: number[] | null;
}

const BIAS: GraphNode = { id: 'in_1', type: 'bias' };
const INPUTS: GraphNode[] = [
  { id: 'in_x', type: 'input', feature: 0 },
  { id: 'in_y', type: 'input', feature: 1 },
];

export function benchExamples(count = 200): Example[] {
  return generate('circle', { count, noise: 0.05, seed: 11 });
}

function docOf(name: string, nodes: GraphNode[], edges: GraphEdge[], examples: Example[]): GraphDoc {
  return { name, nodes, edges, dataset: { examples }, training: { ...DEFAULT_TRAINING } };
}

export function tutorialNet(examples: Example[]): BenchNet {
  const url = new URL('../examples/tutorial-2-5-1.bpgraph.json', import.meta.url);
  const parsed = parseGraph(readFileSync(url, 'utf8'));
  if (!parsed.ok) throw parsed.error;
  return { name: 'tutorial 2-5-1', doc: { ...parsed.doc, dataset: { examples } }, layers: [5] };
}

/** fully connected 2-h…-1, a bias edge into every neuron, weights uniform in [−0.5, 0.5) */
export function layeredNet(hidden: number[], examples: Example[], seed = 5): BenchNet {
  const rng = createRng(seed);
  const nodes: GraphNode[] = [BIAS, ...INPUTS];
  const edges: GraphEdge[] = [];
  let previous = INPUTS.map((n) => n.id);
  const sizes = [...hidden, 1];
  sizes.forEach((size, l) => {
    const layer: string[] = [];
    for (let j = 0; j < size; j++) {
      const id = `h${l}_${j}`;
      const isOutput = l === sizes.length - 1;
      nodes.push(isOutput ? { id, type: 'neuron', activation: 'sigmoid', output: 0 } : { id, type: 'neuron', activation: 'sigmoid' });
      for (const src of ['in_1', ...previous]) edges.push({ id: `e${edges.length}`, source: src, target: id, weight: randomWeight(rng) });
      layer.push(id);
    }
    previous = layer;
  });
  return { name: `2-${hidden.join('-')}-1`, doc: docOf(`2-${hidden.join('-')}-1`, nodes, edges, examples), layers: hidden };
}

/**
 * `neurons` sigmoid neurons in a random topological order; each gets a bias edge, an edge from an
 * earlier node, and one to a later neuron (so every neuron reaches the output, the last one);
 * the remaining edges join random earlier→later pairs (skip connections of every length).
 */
export function irregularDag(neurons: number, totalEdges: number, examples: Example[], seed = 9): BenchNet {
  const rng = createRng(seed);
  const ids = ['in_1', 'in_x', 'in_y', ...Array.from({ length: neurons }, (_, k) => `n${k}`)];
  const nodes: GraphNode[] = [BIAS, ...INPUTS];
  for (let k = 0; k < neurons; k++) {
    const id = `n${k}`;
    nodes.push(k === neurons - 1 ? { id, type: 'neuron', activation: 'sigmoid', output: 0 } : { id, type: 'neuron', activation: 'sigmoid' });
  }
  const pairs = new Set<string>();
  const edges: GraphEdge[] = [];
  const add = (from: number, to: number): boolean => {
    const key = `${from}>${to}`;
    if (from >= to || to < 3 || pairs.has(key)) return false;
    pairs.add(key);
    edges.push({ id: `e${edges.length}`, source: ids[from], target: ids[to], weight: randomWeight(rng) });
    return true;
  };
  for (let to = 3; to < ids.length; to++) {
    add(0, to);
    add(1 + rng.int(to - 1), to);
  }
  for (let from = 3; from < ids.length - 1; from++) add(from, from + 1 + rng.int(ids.length - from - 1));
  while (edges.length < totalEdges) {
    const to = 3 + rng.int(neurons);
    add(1 + rng.int(to - 1), to);
  }
  const name = `DAG ${neurons} neurons, ${edges.length} edges`;
  return { name, doc: docOf(name, nodes, edges, examples), layers: null };
}

export function benchNets(examples: Example[]): BenchNet[] {
  return [tutorialNet(examples), layeredNet([32, 32], examples), irregularDag(200, 2000, examples)];
}
