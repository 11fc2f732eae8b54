import { createRng, DEFAULT_TRAINING, randomWeight, type Dataset, type GraphDoc, type GraphEdge, type GraphNode } from '../../../engine';
import { LAYER_X, ROW_Y } from './layered';

// A graph no layered tool draws: two hidden neurons in a chain (1 → 2), the inputs wired past
// them straight into the output, and the first hidden neuron skipping the second.
export function skipDoc(dataset: Dataset, seed = DEFAULT_TRAINING.seed): GraphDoc {
  const rng = createRng(seed);
  const nodes: GraphNode[] = [
    { id: 'in_1', type: 'bias', label: 'in_1', position: { x: 0, y: 0 } },
    { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: ROW_Y } },
    { id: 'in_y', type: 'input', feature: 1, position: { x: 0, y: 2 * ROW_Y } },
    { id: '1', type: 'neuron', activation: 'tanh', position: { x: LAYER_X, y: 0.5 * ROW_Y } },
    { id: '2', type: 'neuron', activation: 'tanh', position: { x: 2 * LAYER_X, y: 0 } },
    { id: '3', type: 'neuron', activation: 'sigmoid', output: 0, position: { x: 3 * LAYER_X, y: ROW_Y } },
  ];
  const pairs: [string, string][] = [
    ['in_1', '1'], ['in_x', '1'], ['in_y', '1'],
    ['in_1', '2'], ['1', '2'], ['in_y', '2'],
    ['in_1', '3'], ['2', '3'], ['1', '3'], ['in_x', '3'], ['in_y', '3'],
  ];
  const edges: GraphEdge[] = pairs.map(([source, target]) => ({ id: `${source}->${target}`, source, target, weight: randomWeight(rng) }));
  return { name: 'Skip connections', nodes, edges, dataset, training: { ...DEFAULT_TRAINING, seed } };
}
