import { byId, compile, readPass, type GraphDoc, type NeuronReadout, type PassReadout } from '../../../src/engine';
import { exampleQuantities, type Quantity } from '../../../src/engine/predict';
import { edge, loadFixture, makeDoc, TWO_FIVE_ONE } from '../helpers';

// The two nets the predict tests run on: the tutorial's 2-5-1, and a skip-connection DAG where
// neuron a reaches the output o twice (a → o directly and a → b → o).

export const tutorial = (): GraphDoc => loadFixture(TWO_FIVE_ONE);

export function skipDag(): GraphDoc {
  return makeDoc(
    [
      { id: 'in_1', type: 'bias' },
      { id: 'in_x', type: 'input', feature: 0 },
      { id: 'a', type: 'neuron', activation: 'sigmoid' },
      { id: 'b', type: 'neuron', activation: 'tanh' },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    [edge('in_1', 'a', 0.3), edge('in_x', 'a', -1.2), edge('in_1', 'b', -0.4), edge('a', 'b', 0.9), edge('a', 'o', 1.1), edge('b', 'o', -0.7), edge('in_1', 'o', 0.2)],
    [{ x: [0.8], y: [1] }],
    { learningRate: 0.5 },
  );
}

/** the pass by the engine's readout, read independently of the predict module, and the quantities */
export function worked(doc: GraphDoc, index = 0): { r: PassReadout; q: (key: string) => Quantity; all: Quantity[]; neuron: (id: string) => NeuronReadout; w: (id: string) => number; z: (id: string) => number } {
  const r = readPass(compile(doc), doc.dataset.examples[index]);
  const all = exampleQuantities(doc, index);
  const nodes = byId(r.nodes);
  const edges = byId(r.edges);
  return {
    r,
    all,
    q: (key) => {
      const found = all.find((x) => x.key === key);
      if (!found) throw new Error(`no quantity ${key}`);
      return found;
    },
    neuron: (id) => {
      const n = nodes[id];
      if (n.type !== 'neuron') throw new Error(`${id} is not a neuron`);
      return n;
    },
    w: (id) => edges[id].weight,
    z: (id) => nodes[id].z,
  };
}
