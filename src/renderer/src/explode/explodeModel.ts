// One neuron k taken apart into its operations, as micrograd's draw_dot draws a graph: per
// incoming edge a × (z_j · w_{j→k}), then + (s_k = Σ of the products), then σ (z_k = σ(s_k)).
// Each value carries the example in hand's number and its gradient ∂E/∂(that value), every one
// read from the engine's readout of the pass (src/engine/readout.ts):
//   ∂E/∂(z_j w) = ∂E/∂s_k (a sum passes its gradient on unchanged)
//   ∂E/∂w_{j→k} = ∂E/∂s_k · z_j,   ∂E/∂z_j (through k) = ∂E/∂s_k · w_{j→k}
//   ∂E/∂z_k = ∂E/∂h at an output (2(h − y); cross-entropy on a sigmoid output: (h − y)/(h(1 − h))) + Σ_{k→m} ∂E/∂s_m · w_{k→m} (from the successors, never
//   ∂E/∂s_k / σ'(s_k), which is 0/0 where σ' = 0)

import { byId, type EdgeReadout, type NeuronReadout, type PassReadout } from '../../../engine';

/** a symbol and its subscript, e.g. ["w", "in_1→3"] */
export type Subscripted = readonly [base: string, sub: string];

export interface ExplodedValue {
  /** what the box holds, as text: "z_j", "w_j→k", "z_j·w_j→k", "s_k", "z_k" */
  label: string;
  /** the same as symbols with subscripts, for drawing */
  symbols: readonly Subscripted[];
  value: number;
  /** ∂E_i/∂(this value) */
  grad: number;
}

/** one incoming edge: its two factors and their product */
export interface ExplodedTerm {
  edgeId: string;
  source: string;
  input: ExplodedValue;
  weight: ExplodedValue;
  product: ExplodedValue;
}

export interface ExplodedNeuron {
  id: string;
  name: string;
  activation: string;
  terms: readonly ExplodedTerm[];
  sum: ExplodedValue;
  out: ExplodedValue;
  /** σ'(s_k) */
  dsigma: number;
}

export interface ExplodeNames {
  /** a node's display name */
  name: (id: string) => string;
  activation: string;
  /** ∂E_i/∂h_k when k is an output (2(h_k − y_k) for the squared error; (h − y)/(h(1 − h)) for cross-entropy on a sigmoid), else 0 */
  direct: number;
}

/** the neuron's operations and their values; null when k is not a neuron of the readout */
export function explodeNeuron(readout: PassReadout, k: string, names: ExplodeNames): ExplodedNeuron | null {
  const node = readout.nodes.find((n) => n.id === k);
  if (node === undefined || node.type !== 'neuron') return null;
  const neuron: NeuronReadout = node;
  const nodes = byId(readout.nodes);
  const z = (id: string) => (Object.hasOwn(nodes, id) ? nodes[id].z : 0);
  const kName = names.name(k);
  const terms = readout.edges.filter((e) => e.target === k).map((e): ExplodedTerm => {
    const j = names.name(e.source);
    const zj: Subscripted = ['z', j];
    const w: Subscripted = ['w', `${j}→${kName}`];
    return {
      edgeId: e.id,
      source: e.source,
      input: value([zj], z(e.source), neuron.dEds * e.weight),
      weight: value([w], e.weight, e.grad),
      product: value([zj, ['·w', w[1]]], z(e.source) * e.weight, neuron.dEds),
    };
  });
  return {
    id: k,
    name: kName,
    activation: names.activation,
    terms,
    sum: value([['s', kName]], neuron.s, neuron.dEds),
    out: value([['z', kName]], neuron.z, dEdz(readout, nodes, neuron, names)),
    dsigma: neuron.dsigma,
  };
}

/** ∂E_i/∂z_k = ∂E_i/∂h_k at an output + Σ_{k→m} ∂E_i/∂s_m · w_{k→m} */
function dEdz(readout: PassReadout, nodes: Record<string, PassReadout['nodes'][number]>, k: NeuronReadout, names: ExplodeNames): number {
  let sum = names.direct;
  const later = (e: EdgeReadout) => {
    const m = Object.hasOwn(nodes, e.target) ? nodes[e.target] : undefined;
    return m !== undefined && m.type === 'neuron' ? m.dEds : 0;
  };
  for (const e of readout.edges) if (e.source === k.id) sum += later(e) * e.weight;
  return sum;
}

function value(symbols: readonly Subscripted[], v: number, grad: number): ExplodedValue {
  return { label: symbols.map(([base, sub]) => `${base}_${sub}`).join(''), symbols, value: v, grad };
}
