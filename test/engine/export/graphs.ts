// Test graphs beyond the tutorial's: a skip-connection graph with several outputs (one feeding
// another), and a seeded random DAG of mixed activations.

import { createRng, DEFAULT_TRAINING, generate, randomWeight, type Activation, type GraphDoc, type GraphEdge, type GraphNode, type TrainingSettings } from '../../../src/engine';

const e = (source: string, target: string, weight: number): GraphEdge => ({ id: `${source}->${target}`, source, target, weight });

/** inputs straight into both outputs, a tanh and a sigmoid hidden neuron, output 0 feeding output 1 (linear) */
export function skipGraph(training: Partial<TrainingSettings> = {}): GraphDoc {
  const points = generate('xor', { count: 24, noise: 0, seed: 4 });
  const nodes: GraphNode[] = [
    { id: 'in_1', type: 'bias', label: '1' },
    { id: 'in_x', type: 'input', feature: 0 },
    { id: 'in_y', type: 'input', feature: 1 },
    { id: 'a', type: 'neuron', activation: 'tanh' },
    { id: 'b', type: 'neuron', activation: 'sigmoid' },
    { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0, label: 'h₀' },
    { id: 'sum', type: 'neuron', activation: 'linear', output: 1 },
  ];
  const edges = [
    e('in_1', 'a', 0.1), e('in_x', 'a', 0.8), e('in_y', 'a', -0.6),
    e('in_1', 'b', -0.2), e('in_x', 'b', -0.5), e('a', 'b', 0.9),
    e('in_1', 'out', 0.05), e('a', 'out', 0.7), e('b', 'out', -0.4), e('in_y', 'out', 0.3),
    e('in_x', 'sum', 0.25), e('out', 'sum', -0.5), e('a', 'sum', 0.35),
  ];
  const examples = points.map((p) => ({ x: p.x, y: [p.y[0], p.x[0] - p.x[1]] }));
  return { name: 'skip connections, two outputs', nodes, edges, dataset: { examples }, training: { ...DEFAULT_TRAINING, learningRate: 0.05, ...training } };
}

const ACTS: Activation[] = ['sigmoid', 'tanh', 'sigmoid', 'relu', 'linear'];

/** `neurons` neurons in a seeded random topological order, every one reaching the last (the output) */
export function randomDag(seed: number, neurons: number, extraEdges: number, count: number, training: Partial<TrainingSettings> = {}): GraphDoc {
  const rng = createRng(seed);
  const ids = ['in_1', 'in_x', 'in_y', ...Array.from({ length: neurons }, (_, k) => `n${k}`)];
  const nodes: GraphNode[] = [
    { id: 'in_1', type: 'bias' },
    { id: 'in_x', type: 'input', feature: 0 },
    { id: 'in_y', type: 'input', feature: 1 },
  ];
  for (let k = 0; k < neurons; k++) {
    const activation = k === neurons - 1 ? 'sigmoid' : ACTS[rng.int(ACTS.length)];
    nodes.push(k === neurons - 1 ? { id: `n${k}`, type: 'neuron', activation, output: 0 } : { id: `n${k}`, type: 'neuron', activation });
  }
  const pairs = new Set<string>();
  const edges: GraphEdge[] = [];
  const add = (from: number, to: number): void => {
    const key = `${from}>${to}`;
    if (from >= to || to < 3 || pairs.has(key)) return;
    pairs.add(key);
    edges.push({ id: `e${edges.length}`, source: ids[from], target: ids[to], weight: randomWeight(rng) });
  };
  for (let to = 3; to < ids.length; to++) {
    add(0, to);
    add(1 + rng.int(to - 1), to);
  }
  for (let from = 3; from < ids.length - 1; from++) add(from, from + 1 + rng.int(ids.length - from - 1));
  for (let i = 0; i < extraEdges; i++) {
    const to = 3 + rng.int(neurons);
    add(1 + rng.int(to - 1), to);
  }
  return {
    name: `random DAG ${neurons} neurons`,
    nodes,
    edges,
    dataset: { examples: generate('circle', { count, noise: 0.05, seed }) },
    training: { ...DEFAULT_TRAINING, learningRate: 0.1, ...training },
  };
}
