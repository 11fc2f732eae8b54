import { generate, initWeights, type GeneratorKind } from '../../../src/engine';
import type { Activation, GraphDoc, GraphEdge, GraphNode, TrainingSettings } from '../../../src/engine/format/types';

/** a layered net in1 + x + y → hidden layers → one output, every layer fed by the bias too */
export function layeredDoc(
  hidden: number[],
  opts: { activation?: Activation; data?: GeneratorKind; count?: number; training?: Partial<TrainingSettings> } = {},
): GraphDoc {
  const act = opts.activation ?? 'sigmoid';
  const nodes: GraphNode[] = [
    { id: 'in_1', type: 'bias' },
    { id: 'in_x', type: 'input', feature: 0 },
    { id: 'in_y', type: 'input', feature: 1 },
  ];
  const edges: GraphEdge[] = [];
  let prev = ['in_x', 'in_y'];
  const layers = [...hidden, 1];
  layers.forEach((size, l) => {
    const ids = Array.from({ length: size }, (_, i) => (l === layers.length - 1 ? 'out' : `h${l}_${i}`));
    for (const id of ids) {
      nodes.push(l === layers.length - 1 ? { id, type: 'neuron', activation: act, output: 0 } : { id, type: 'neuron', activation: act });
      for (const src of ['in_1', ...prev]) edges.push({ id: `${src}->${id}`, source: src, target: id, weight: 0 });
    }
    prev = ids;
  });
  const low = act === 'tanh' ? -1 : 0;
  const doc: GraphDoc = {
    nodes,
    edges,
    dataset: { examples: generate(opts.data ?? 'circle', { count: opts.count ?? 60, noise: 0.02, seed: 3, low }) },
    training: { learningRate: 0.5, mode: 'sequential', shuffle: false, seed: 1, epoch: 0, ...opts.training },
  };
  return initWeights(doc, doc.training.seed);
}
