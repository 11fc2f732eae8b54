// The quantities a learner predicts for one example, in the order the step-through computes
// them, for any DAG: forward (s_k, z_k per neuron in topological order), error (E_i), backward
// (per neuron in reverse order: ∂h_o/∂s_k, ∂E_i/∂s_k, then ∂E_i/∂w_{j→k} for each edge into k)
// and update (the new weight of every edge). Each carries the engine's value (readout.ts, and
// the engine's own training step for the new weights) and the terms its formula is made of, so
// the checker can try the slips learners make (diagnose.ts) on the same numbers.

import { compile, type Net } from '../compile';
import type { Activation, GraphDoc, GraphNode, Loss } from '../format/types';
import { trainingOptions } from '../format/types';
import { readPass, type EdgeReadout, type NeuronReadout, type PassReadout } from '../readout';
import { trainExample } from '../train';

export const PREDICT_PHASES = ['forward', 'error', 'backward', 'update'] as const;
export type PredictPhase = (typeof PREDICT_PHASES)[number];

interface Common {
  /** unique within one example: "s:3", "dhds:3:0", "grad:in_1->3", "update:in_1->3" */
  key: string;
  phase: PredictPhase;
  /** plain text, e.g. "s_3", "∂E/∂w_{in_1→3}" (screen readers, headings) */
  label: string;
  /** the neuron's name (s, z, ∂h/∂s, ∂E/∂s), the edge's "j→k" (∂E/∂w, new w), "" for E */
  name: string;
  /** the engine's float64 */
  value: number;
  /** the largest magnitude in the quantity's formula (the quantity itself or one term of its sum): the tolerance scales with it */
  scale: number;
}

/** one term z_j · w_{j→k} of s_k */
export interface SumTerm {
  edgeId: string;
  sourceId: string;
  sourceName: string;
  bias: boolean;
  z: number;
  /** s_j when j is a neuron */
  s?: number;
  w: number;
}

/** one successor term ∂h_o/∂s_m · w_{k→m} of ∂h_o/∂s_k */
export interface SuccessorTerm {
  edgeId: string;
  targetId: string;
  targetName: string;
  dhds: number;
  w: number;
}

export interface OutputTerm {
  h: number;
  y: number;
  /** ∂h_o/∂s_k of the neuron in hand (dEds only) */
  dhds: number;
}

export type Quantity =
  | (Common & { kind: 's'; nodeId: string; terms: readonly SumTerm[] })
  | (Common & { kind: 'z'; nodeId: string; s: number; activation: Activation; isOutput: boolean })
  | (Common & { kind: 'E'; loss: Loss; outputs: readonly { h: number; y: number }[] })
  | (Common & {
      kind: 'dhds';
      nodeId: string;
      output: number;
      activation: Activation;
      s: number;
      z: number;
      dsigma: number;
      /** k is output o itself: ∂h_o/∂s_o = σ'(s_o) */
      isOutput: boolean;
      successors: readonly SuccessorTerm[];
    })
  | (Common & { kind: 'dEds'; nodeId: string; loss: Loss; outputs: readonly OutputTerm[] })
  | (Common & {
      kind: 'grad';
      edgeId: string;
      sourceId: string;
      sourceName: string;
      targetId: string;
      targetName: string;
      /** ∂E_i/∂s_k of the target */
      dEds: number;
      /** ∂h_o/∂s_k of the target, by output */
      dhds: readonly number[];
      /** z_j of the source */
      z: number;
      /** s_j when the source is a neuron */
      s?: number;
      /** z_k of the target */
      targetZ: number;
      /** the other sources of k: a learner may take the wrong z_j */
      others: readonly { id: string; name: string; z: number }[];
      loss: Loss;
    })
  | (Common & {
      kind: 'update';
      edgeId: string;
      /** w before the update */
      w: number;
      eta: number;
      /** the gradient the update uses: ∂E_i/∂w (sequential) or Σ_i ∂E_i/∂w (batch) */
      gradient: number;
      /** the engine's change w − w′: η·gradient, or η·(gradient + R(w)) with a regulariser, or η·v′ with momentum */
      change: number;
      /** the change is the plain η·gradient (no regulariser term, no momentum) */
      plain: boolean;
      batch: boolean;
      loss: Loss;
    });

export type QuantityKind = Quantity['kind'];

/** the update that ends the example, when it ends in one: per edge the gradient it uses and the new weight */
export interface UpdateReadout {
  eta: number;
  batch: boolean;
  edges: Readonly<Record<string, { gradient: number; next: number }>>;
}

/** bias nodes are written by id (in_1), the rest by their label when they have one */
export const nodeName = (n: GraphNode): string => (n.type === 'bias' ? n.id : (n.label ?? n.id));

const maxAbs = (values: readonly number[]): number => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

interface Graph {
  doc: GraphDoc;
  r: PassReadout;
  node: Map<string, GraphNode>;
  readNode: Map<string, PassReadout['nodes'][number]>;
  incoming: Map<string, EdgeReadout[]>;
  outgoing: Map<string, EdgeReadout[]>;
  outputIndex: Map<string, number>;
  loss: Loss;
}

function graphOf(doc: GraphDoc, r: PassReadout): Graph {
  const incoming = new Map<string, EdgeReadout[]>();
  const outgoing = new Map<string, EdgeReadout[]>();
  for (const e of r.edges) {
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
    outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e]);
  }
  return {
    doc,
    r,
    node: new Map(doc.nodes.map((n) => [n.id, n])),
    readNode: new Map(r.nodes.map((n) => [n.id, n])),
    incoming,
    outgoing,
    outputIndex: new Map(r.outputs.map((o, i) => [o.nodeId, i])),
    loss: trainingOptions(doc.training).loss,
  };
}

const nameIn = (g: Graph, id: string): string => {
  const n = g.node.get(id);
  return n ? nodeName(n) : id;
};

function neuronOf(g: Graph, id: string): NeuronReadout {
  const n = g.readNode.get(id);
  if (!n || n.type !== 'neuron') throw new RangeError(`"${id}" is not a neuron of the readout`);
  return n;
}

const activationOf = (g: Graph, id: string): Activation => {
  const n = g.node.get(id);
  return n?.type === 'neuron' ? n.activation : 'linear';
};

function sumQuantity(g: Graph, k: NeuronReadout): Quantity {
  const terms: SumTerm[] = (g.incoming.get(k.id) ?? []).map((e) => {
    const j = g.readNode.get(e.source);
    return {
      edgeId: e.id,
      sourceId: e.source,
      sourceName: nameIn(g, e.source),
      bias: j?.type === 'bias',
      z: j?.z ?? 0,
      ...(j?.type === 'neuron' ? { s: j.s } : {}),
      w: e.weight,
    };
  });
  const name = nameIn(g, k.id);
  return { kind: 's', key: `s:${k.id}`, phase: 'forward', label: `s_${name}`, name, value: k.s, scale: Math.max(Math.abs(k.s), maxAbs(terms.map((t) => t.z * t.w))), nodeId: k.id, terms };
}

function activationQuantity(g: Graph, k: NeuronReadout): Quantity {
  const name = nameIn(g, k.id);
  const isOutput = g.outputIndex.has(k.id);
  const label = isOutput ? `z_${name} (= h)` : `z_${name}`;
  return { kind: 'z', key: `z:${k.id}`, phase: 'forward', label, name, value: k.z, scale: Math.abs(k.z), nodeId: k.id, s: k.s, activation: activationOf(g, k.id), isOutput };
}

function errorQuantity(g: Graph): Quantity {
  const outputs = g.r.outputs.map((o) => ({ h: o.h, y: o.y }));
  const scale = Math.max(Math.abs(g.r.error), maxAbs(outputs.map((o) => (o.h - o.y) ** 2)));
  return { kind: 'E', key: 'E', phase: 'error', label: 'E_i', name: '', value: g.r.error, scale, loss: g.loss, outputs };
}

function dhdsQuantity(g: Graph, k: NeuronReadout, o: number): Quantity {
  const name = nameIn(g, k.id);
  const h = g.r.outputs.length > 1 ? `h_${o}` : 'h';
  const successors: SuccessorTerm[] = (g.outgoing.get(k.id) ?? []).flatMap((e) => {
    const m = g.readNode.get(e.target);
    if (!m || m.type !== 'neuron') return [];
    return [{ edgeId: e.id, targetId: m.id, targetName: nameIn(g, m.id), dhds: m.dhds[o], w: e.weight }];
  });
  const value = k.dhds[o];
  const isOutput = g.r.outputs[o]?.nodeId === k.id;
  const terms = isOutput ? [k.dsigma] : successors.map((t) => t.dhds * t.w * k.dsigma);
  return {
    kind: 'dhds',
    key: `dhds:${k.id}:${o}`,
    phase: 'backward',
    label: `∂${h}/∂s_${name}`,
    name,
    value,
    scale: Math.max(Math.abs(value), maxAbs(terms)),
    nodeId: k.id,
    output: o,
    activation: activationOf(g, k.id),
    s: k.s,
    z: k.z,
    dsigma: k.dsigma,
    isOutput,
    successors,
  };
}

function dEdsQuantity(g: Graph, k: NeuronReadout): Quantity {
  const outputs = g.r.outputs.map((out, o) => ({ h: out.h, y: out.y, dhds: k.dhds[o] }));
  const scale = Math.max(Math.abs(k.dEds), maxAbs(outputs.map((t) => 2 * (t.h - t.y) * t.dhds)));
  return { kind: 'dEds', key: `dEds:${k.id}`, phase: 'backward', label: `∂E/∂s_${nameIn(g, k.id)}`, name: nameIn(g, k.id), value: k.dEds, scale, nodeId: k.id, loss: g.loss, outputs };
}

const edgeName = (g: Graph, e: { source: string; target: string }) => `${nameIn(g, e.source)}→${nameIn(g, e.target)}`;

function gradQuantity(g: Graph, e: EdgeReadout, k: NeuronReadout): Quantity {
  const j = g.readNode.get(e.source);
  const others = (g.incoming.get(k.id) ?? [])
    .filter((other) => other.source !== e.source)
    .map((other) => ({ id: other.source, name: nameIn(g, other.source), z: g.readNode.get(other.source)?.z ?? 0 }));
  return {
    kind: 'grad',
    key: `grad:${e.id}`,
    phase: 'backward',
    label: `∂E/∂w_{${edgeName(g, e)}}`,
    name: edgeName(g, e),
    value: e.grad,
    scale: Math.abs(e.grad),
    edgeId: e.id,
    sourceId: e.source,
    sourceName: nameIn(g, e.source),
    targetId: k.id,
    targetName: nameIn(g, k.id),
    dEds: k.dEds,
    dhds: k.dhds,
    z: j?.z ?? 0,
    ...(j?.type === 'neuron' ? { s: j.s } : {}),
    targetZ: k.z,
    others,
    loss: g.loss,
  };
}

function updateQuantity(g: Graph, e: EdgeReadout, u: UpdateReadout): Quantity | null {
  const edge = u.edges[e.id];
  if (!edge) return null;
  const change = e.weight - edge.next;
  const plain = Object.is(edge.next, e.weight - u.eta * edge.gradient);
  return {
    kind: 'update',
    key: `update:${e.id}`,
    phase: 'update',
    label: `new w_{${edgeName(g, e)}}`,
    name: edgeName(g, e),
    value: edge.next,
    // the change is what the learner computes; the old weight, shown to 4 digits, adds its rounding (check.ts)
    scale: Math.abs(change),
    edgeId: e.id,
    w: e.weight,
    eta: u.eta,
    gradient: edge.gradient,
    change,
    plain,
    batch: u.batch,
    loss: g.loss,
  };
}

/** every quantity of the pass in `r` (and of the update `u`, when the example ends in one), in the step-through's order */
export function passQuantities(doc: GraphDoc, r: PassReadout, u: UpdateReadout | null): Quantity[] {
  const g = graphOf(doc, r);
  const neurons = r.order.filter((id) => g.readNode.get(id)?.type === 'neuron').map((id) => neuronOf(g, id));
  const forward = neurons.flatMap((k) => [sumQuantity(g, k), activationQuantity(g, k)]);
  const backward = [...neurons].reverse().flatMap((k) => [
    ...r.outputs.map((_, o) => dhdsQuantity(g, k, o)),
    dEdsQuantity(g, k),
    ...(g.incoming.get(k.id) ?? []).map((e) => gradQuantity(g, e, k)),
  ]);
  const update = u ? r.edges.flatMap((e) => updateQuantity(g, e, u) ?? []) : [];
  return [...forward, errorQuantity(g), ...backward, ...update];
}

/** one sequential update from the example (the engine's trainExample with the document's options); the net's weights are restored */
export function sequentialUpdate(doc: GraphDoc, net: Net, r: PassReadout, example: { x: ArrayLike<number>; y: ArrayLike<number> }): UpdateReadout {
  const options = trainingOptions(doc.training);
  const old = net.weights.slice();
  const velocity = net.velocity.slice();
  trainExample(net, example.x, example.y, options.learningRate, { regularization: options.regularization, momentum: options.momentum });
  const edges: Record<string, { gradient: number; next: number }> = {};
  r.edges.forEach((e, i) => (edges[e.id] = { gradient: e.grad, next: net.weights[i] }));
  net.weights.set(old);
  net.velocity.set(velocity);
  return { eta: options.learningRate, batch: false, edges };
}

/** example `index` of the document: its pass and one sequential update, as quantities (throws when the graph does not compile or has no output) */
export function exampleQuantities(doc: GraphDoc, index: number): Quantity[] {
  const example = doc.dataset.examples[index];
  if (!example) throw new RangeError(`the document has no example ${index} (it has ${doc.dataset.examples.length})`);
  const net = compile(doc);
  if (net.numOutputs === 0) throw new RangeError('the graph has no output neuron, so there is no error to differentiate');
  const r = readPass(net, example);
  return passQuantities(doc, r, sequentialUpdate(doc, net, r, example));
}
