// A second, naive implementation of format version 2's formulas (docs/graph-format.md), written
// the obvious way — objects, recursion, Math.exp/Math.log, softmax without a shift, ∂E/∂s by the
// chain rule through ∂E/∂h — independent of the engine's typed arrays, deltas and fdlibm ports.

import type { ReferencePass } from './helpers';
import {
  epochRng,
  shuffledOrder,
  trainingOptions,
  type Activation,
  type Example,
  type GraphDoc,
  type GraphNode,
  type InputNode,
  type NeuronNode,
  type TrainingSettings,
} from '../../src/engine';

export function naiveSigma(act: Activation, s: number): number {
  switch (act) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-s));
    case 'tanh':
      return Math.tanh(s);
    case 'relu':
      return Math.max(0, s);
    case 'leakyRelu':
      return s > 0 ? s : 0.01 * s;
    case 'elu':
      return s > 0 ? s : Math.exp(s) - 1;
    case 'softplus':
      return Math.log(1 + Math.exp(s));
    case 'hardSigmoid':
      return Math.max(0, Math.min(1, 0.2 * s + 0.5));
    default:
      return s; // linear (softmax is handled over all outputs)
  }
}

/** dσ/ds by calculus, the left-hand slope at kinks */
export function naiveSigmaPrime(act: Activation, s: number): number {
  switch (act) {
    case 'sigmoid': {
      const z = naiveSigma('sigmoid', s);
      return z * (1 - z);
    }
    case 'tanh':
      return 1 - Math.tanh(s) ** 2;
    case 'relu':
      return s > 0 ? 1 : 0;
    case 'leakyRelu':
      return s > 0 ? 1 : 0.01;
    case 'elu':
      return s > 0 ? 1 : Math.exp(s);
    case 'softplus':
      return 1 / (1 + Math.exp(-s));
    case 'hardSigmoid':
      return s > -2.5 && s < 2.5 ? 0.2 : 0;
    default:
      return 1;
  }
}

function naiveInput(node: InputNode, x: number[]): number {
  const xi = x[node.feature];
  if (node.times !== undefined) return xi * x[node.times];
  if (node.transform === 'square') return xi ** 2;
  if (node.transform === 'sin') return Math.sin(xi);
  return xi;
}

/** the same quantities as helpers.ts's referencePass, for version 2's options */
export type NaivePass = ReferencePass;

const isOutput = (n: GraphNode): n is NeuronNode => n.type === 'neuron' && n.output !== undefined;

/** every quantity of one example's pass, by the spec's formulas written naively */
export function naivePass(doc: GraphDoc, x: number[], y: number[]): NaivePass {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const off = (id: string) => byId.get(id)!.off === true;
  const live = doc.edges.filter((e) => e.off !== true);
  const outputNodes = doc.nodes.filter(isOutput).sort((a, b) => a.output! - b.output!);
  const softmax = doc.training.loss === 'crossEntropy' && outputNodes.length >= 2;
  const s = new Map<string, number>();
  const z = new Map<string, number>();
  const zOf = (id: string): number => {
    if (z.has(id)) return z.get(id)!;
    const node = byId.get(id)!;
    let value: number;
    if (off(id)) {
      value = 0;
      if (node.type === 'neuron') s.set(id, 0);
    } else if (node.type === 'bias') value = 1;
    else if (node.type === 'input') value = naiveInput(node, x);
    else {
      const sum = live.filter((e) => e.target === id).reduce((acc, e) => acc + zOf(e.source) * e.weight, 0);
      s.set(id, sum);
      value = naiveSigma(node.activation, sum);
    }
    z.set(id, value);
    return value;
  };
  doc.nodes.forEach((n) => zOf(n.id));
  if (softmax) {
    const total = outputNodes.reduce((acc, o) => acc + Math.exp(s.get(o.id)!), 0);
    for (const o of outputNodes) z.set(o.id, Math.exp(s.get(o.id)!) / total);
  }
  const outputs = outputNodes.map((n) => z.get(n.id)!);
  const sPrime = (id: string): number => {
    const node = byId.get(id)!;
    return node.type === 'neuron' && !off(id) ? naiveSigmaPrime(node.activation, s.get(id)!) : 0;
  };
  // ∂s_o/∂s_k by recursion over outgoing live edges
  const memo = new Map<string, number>();
  const dsds = (o: string, k: string): number => {
    const key = `${o}|${k}`;
    if (memo.has(key)) return memo.get(key)!;
    let value = 0;
    if (k === o) value = 1;
    else if (byId.get(k)!.type === 'neuron') value = live.filter((e) => e.source === k).reduce((acc, e) => acc + dsds(o, e.target) * e.weight, 0) * sPrime(k);
    memo.set(key, value);
    return value;
  };
  const dhds = new Map<string, number>();
  outputNodes.forEach((o, oi) => {
    for (const n of doc.nodes) {
      let value: number;
      if (byId.get(n.id)!.type !== 'neuron') value = 0;
      else if (softmax) value = outputNodes.reduce((acc, m, mi) => acc + outputs[oi] * ((oi === mi ? 1 : 0) - outputs[mi]) * dsds(m.id, n.id), 0);
      else value = n.id === o.id ? sPrime(o.id) : dsds(o.id, n.id) * sPrime(o.id);
      dhds.set(`${o.id}|${n.id}`, value);
    }
  });
  let error: number;
  let dEdh: number[];
  if (doc.training.loss !== 'crossEntropy') {
    error = outputs.reduce((acc, h, o) => acc + (h - y[o]) ** 2, 0);
    dEdh = outputs.map((h, o) => 2 * (h - y[o]));
  } else if (softmax) {
    error = -outputs.reduce((acc, h, o) => acc + y[o] * Math.log(h), 0);
    dEdh = outputs.map((h, o) => -y[o] / h);
  } else {
    const [h] = outputs;
    error = -(y[0] * Math.log(h) + (1 - y[0]) * Math.log(1 - h));
    dEdh = [-y[0] / h + (1 - y[0]) / (1 - h)];
  }
  const dEds = new Map(doc.nodes.map((n) => [n.id, outputNodes.reduce((acc, o, oi) => acc + dEdh[oi] * dhds.get(`${o.id}|${n.id}`)!, 0)]));
  const frozen = (e: GraphDoc['edges'][number]) => e.off === true || off(e.source) || off(e.target);
  const grad = new Map(doc.edges.map((e) => [e.id, frozen(e) ? 0 : dEds.get(e.target)! * z.get(e.source)!]));
  return { s, z, outputs, error, dhds, dEds, grad };
}

/** the weights (and velocities) after one epoch, by the spec's "Update" written naively */
export function naiveEpoch(doc: GraphDoc, settings: Partial<TrainingSettings>): { w: Map<string, number>; v: Map<string, number> } {
  const t = trainingOptions({ ...doc.training, ...settings });
  const w = new Map(doc.edges.map((e) => [e.id, e.weight]));
  const v = new Map(doc.edges.map((e) => [e.id, e.velocity ?? 0]));
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const offNode = (id: string) => byId.get(id)!.off === true;
  const train: Example[] = doc.dataset.examples.filter((ex) => !ex.test);
  const order = t.shuffle && t.mode !== 'batch' ? Array.from(shuffledOrder(train.length, epochRng(t.seed, t.epoch))) : train.map((_, i) => i);
  const b = t.mode === 'sequential' ? 1 : t.mode === 'batch' ? train.length : t.batchSize;
  for (let from = 0; from < order.length; from += b) {
    const current: GraphDoc = { ...doc, edges: doc.edges.map((e) => ({ ...e, weight: w.get(e.id)! })) };
    const G = new Map(doc.edges.map((e) => [e.id, 0]));
    for (const i of order.slice(from, from + b)) {
      for (const [id, g] of naivePass(current, train[i].x, train[i].y).grad) G.set(id, G.get(id)! + g);
    }
    for (const e of doc.edges) {
      if (e.off === true || offNode(e.source) || offNode(e.target)) continue;
      const we = w.get(e.id)!;
      const fromBias = byId.get(e.source)!.type === 'bias';
      const { kind, rate } = t.regularization;
      const R = fromBias ? 0 : kind === 'L1' ? rate * Math.sign(we) : kind === 'L2' ? 2 * rate * we : 0;
      const g = G.get(e.id)! + R;
      if (t.momentum > 0) {
        v.set(e.id, t.momentum * v.get(e.id)! + g);
        w.set(e.id, we - t.learningRate * v.get(e.id)!);
      } else w.set(e.id, we - t.learningRate * g);
    }
  }
  return { w, v };
}
