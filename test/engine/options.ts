// Random documents that use format version 2's options: derived inputs, every hidden activation,
// ablation, and the three output forms (squared error, binary cross-entropy, softmax).

import fc from 'fast-check';
import type { Activation, Example, GraphDoc, GraphEdge, GraphNode, InputNode, TrainingSettings } from '../../src/engine';
import { arbitraryDag, finiteIn } from './helpers';

export type OutputForm = 'squared' | 'binary' | 'softmax';

export const HIDDEN_ACTIVATIONS: Activation[] = ['sigmoid', 'tanh', 'linear', 'relu', 'leakyRelu', 'elu', 'softplus', 'hardSigmoid'];

export interface OptionsDocOptions {
  form: OutputForm;
  /** switch random edges and hidden neurons off */
  ablate?: boolean;
  /** examples per document */
  maxExamples?: number;
}

const INPUT_0: Omit<InputNode, 'id' | 'type'>[] = [{ feature: 0 }, { feature: 0, transform: 'square' }, { feature: 0, times: 1 }, { feature: 0, transform: 'sin' }];
const INPUT_1: Omit<InputNode, 'id' | 'type'>[] = [{ feature: 1 }, { feature: 1, transform: 'square' }, { feature: 1, transform: 'sin' }];

/** a random DAG from arbitraryDag, its inputs derived, its outputs rebuilt for `form`, some parts off */
export function arbitraryOptionsDoc(opts: OptionsDocOptions): fc.Arbitrary<GraphDoc> {
  const { form, ablate = false, maxExamples = 4 } = opts;
  return fc
    .record({
      doc: arbitraryDag({ activations: HIDDEN_ACTIVATIONS, maxOutputs: 3 }),
      input0: fc.nat({ max: INPUT_0.length - 1 }),
      input1: fc.nat({ max: INPUT_1.length - 1 }),
      classes: fc.integer({ min: 2, max: 3 }),
      offEdges: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      offNeurons: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      outWeights: fc.array(finiteIn(-1.5, 1.5), { minLength: 30, maxLength: 30 }),
      links: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
      examples: fc.array(
        fc.record({ x: fc.tuple(finiteIn(-1, 1), finiteIn(-1, 1)), y: fc.array(finiteIn(-1, 1), { minLength: 3, maxLength: 3 }), label: fc.nat({ max: 2 }), p: finiteIn(0, 1) }),
        { minLength: 1, maxLength: maxExamples },
      ),
    })
    .map((r) => {
      const nodes: GraphNode[] = r.doc.nodes.map((n) =>
        n.id === 'i0' ? { id: 'i0', type: 'input', ...INPUT_0[r.input0] } : n.id === 'i1' ? { id: 'i1', type: 'input', ...INPUT_1[r.input1] } : n,
      );
      let edges: GraphEdge[] = r.doc.edges;
      let m = nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).length;
      if (form !== 'squared') {
        // the graph's neurons become hidden; new outputs at the end, fed by some of them
        m = form === 'binary' ? 1 : r.classes;
        const hidden = nodes.filter((n) => n.type === 'neuron').map((n) => n.id);
        for (const n of nodes) if (n.type === 'neuron') delete n.output;
        edges = [...edges];
        for (let o = 0; o < m; o++) {
          const id = `out${o}`;
          nodes.push({ id, type: 'neuron', activation: form === 'binary' ? 'sigmoid' : 'softmax', output: o });
          const sources = new Set([hidden[r.links[o] % hidden.length], hidden[r.links[o + 10] % hidden.length], 'b']);
          for (const source of sources) edges.push({ id: `${source}->${id}`, source, target: id, weight: r.outWeights[edges.length % 30] });
        }
      }
      if (ablate) {
        edges = edges.map((e, i) => (r.offEdges[i % 40] && i % 3 === 0 ? { ...e, off: true } : e));
        let k = 0;
        for (const n of nodes) if (n.type === 'neuron' && n.output === undefined && r.offNeurons[k++ % 10] && k % 2 === 0) n.off = true;
      }
      const examples: Example[] = r.examples.map((ex) => ({
        x: [...ex.x],
        y: form === 'squared' ? ex.y.slice(0, m) : form === 'binary' ? [ex.p] : Array.from({ length: m }, (_, o) => (o === ex.label % m ? 1 : 0)),
      }));
      const training: TrainingSettings = { ...r.doc.training, loss: form === 'squared' ? 'squared' : 'crossEntropy' };
      return { ...r.doc, nodes, edges, dataset: { examples }, training };
    });
}

/** no pre-activation within 1e-3 of a kink (relu, leaky relu and elu at 0; hard sigmoid at ±2.5) */
export function clearOfKinks(doc: GraphDoc, s: (x: number[], y: number[]) => Map<string, number>, band = 1e-3): boolean {
  const kinked = new Map(doc.nodes.flatMap((n) => (n.type === 'neuron' && n.off !== true ? [[n.id, n.activation] as const] : [])));
  return doc.dataset.examples.every((ex) => {
    for (const [id, v] of s(ex.x, ex.y)) {
      const act = kinked.get(id);
      if ((act === 'relu' || act === 'leakyRelu' || act === 'elu') && Math.abs(v) < band) return false;
      if (act === 'hardSigmoid' && Math.min(Math.abs(v - 2.5), Math.abs(v + 2.5)) < band) return false;
    }
    return true;
  });
}
