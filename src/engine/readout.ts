// One example's pass read out of the compiled net into plain records, in document order: every
// node's z_k (and a neuron's s_k, σ'(s_k), ∂h_o/∂s_k, ∂E_i/∂s_k), every edge's w and ∂E_i/∂w,
// the outputs h_o beside their targets y_o, and E_i. The canvas (keyed by id with `byId`), the
// formulas, the step-through and the CLI's trace all read this one shape.

import { KIND_INPUT, KIND_NEURON, type Net } from './compile';
import { backward, forward } from './pass';

/** an input (z = x[feature]) or the bias (z = 1) */
export interface SourceReadout {
  id: string;
  type: 'input' | 'bias';
  /** z_k */
  z: number;
}

/** a neuron after the forward pass */
export interface NeuronForward {
  id: string;
  type: 'neuron';
  /** s_k = Σ_j z_j w_{j→k} */
  s: number;
  /** z_k = σ(s_k) */
  z: number;
  /** σ'(s_k) */
  dsigma: number;
}

/** a neuron after the forward and backward passes */
export interface NeuronReadout extends NeuronForward {
  /** ∂h_o/∂s_k by output index o */
  dhds: readonly number[];
  /** ∂E_i/∂s_k = Σ_o 2 (h_o − y_o) ∂h_o/∂s_k (squared error), or the cross-entropy deltas */
  dEds: number;
  /** softmax outputs only: ∂s_m/∂s_k by output index m, the paths into the outputs that ∂h_o/∂s_k = Σ_m ∂h_o/∂s_m · ∂s_m/∂s_k weighs with the Jacobian */
  dsds?: readonly number[];
}

export interface EdgeForward {
  id: string;
  source: string;
  target: string;
  /** w_{j→k} */
  weight: number;
}

export interface EdgeReadout extends EdgeForward {
  /** ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j */
  grad: number;
}

export interface OutputForward {
  nodeId: string;
  /** h_o: z of output neuron o */
  h: number;
}

export interface OutputReadout extends OutputForward {
  /** y_o, the target */
  y: number;
}

/** forward only (a net without outputs has nothing to differentiate) */
export interface ForwardReadout {
  backward: false;
  /** node ids in the topological order of the pass */
  order: readonly string[];
  /** in document order */
  nodes: readonly (SourceReadout | NeuronForward)[];
  /** in document order */
  edges: readonly EdgeForward[];
  /** in output-index order */
  outputs: readonly OutputForward[];
}

/** forward and backward */
export interface PassReadout {
  backward: true;
  order: readonly string[];
  nodes: readonly (SourceReadout | NeuronReadout)[];
  edges: readonly EdgeReadout[];
  outputs: readonly OutputReadout[];
  /** E_i = Σ_o (h_o − y_o)² */
  error: number;
}

export type Readout = ForwardReadout | PassReadout;

/** runs x forward through the net's current weights and reads every quantity out */
export function readForward(net: Net, x: ArrayLike<number>): ForwardReadout {
  checkInputs(net, x);
  forward(net, x);
  return {
    backward: false,
    order: orderOf(net),
    nodes: each(net.numNodes, (k) => forwardNode(net, k)),
    edges: each(net.numEdges, (e) => forwardEdge(net, e)),
    outputs: Array.from(net.outputNode, (k) => ({ nodeId: net.nodeIds[k], h: net.z[k] })),
  };
}

/** runs the example forward and backward through the net's current weights and reads every quantity out */
export function readPass(net: Net, example: { x: ArrayLike<number>; y: ArrayLike<number> }): PassReadout {
  checkInputs(net, example.x);
  checkTargets(net, example.y);
  forward(net, example.x);
  const error = backward(net, example.y);
  return {
    backward: true,
    order: orderOf(net),
    nodes: each(net.numNodes, (k) => passNode(net, k)),
    edges: each(net.numEdges, (e) => passEdge(net, e)),
    outputs: Array.from(net.outputNode, (k, o) => ({ nodeId: net.nodeIds[k], h: net.z[k], y: example.y[o] })),
    error,
  };
}

/** the full pass when the net has outputs, else the forward pass alone */
export function readExample(net: Net, example: { x: ArrayLike<number>; y: ArrayLike<number> }): Readout {
  return net.numOutputs > 0 ? readPass(net, example) : readForward(net, example.x);
}

/** records keyed by id (own properties: an id such as "__proto__" stays an ordinary key) */
export function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  // a loop, not Object.fromEntries: four times quicker on 2,000 edges, read at screen rate
  const out: Record<string, T> = {};
  for (const item of items) {
    if (item.id === '__proto__') Object.defineProperty(out, item.id, { value: item, enumerable: true, writable: true, configurable: true });
    else out[item.id] = item;
  }
  return out;
}

/** f(0), f(1), …, f(count − 1) */
function each<T>(count: number, f: (i: number) => T): T[] {
  const out = new Array<T>(count);
  for (let i = 0; i < count; i++) out[i] = f(i);
  return out;
}

function orderOf(net: Net): string[] {
  return Array.from(net.order, (k) => net.nodeIds[k]);
}

function sourceNode(net: Net, k: number): SourceReadout {
  return { id: net.nodeIds[k], type: net.kind[k] === KIND_INPUT ? 'input' : 'bias', z: net.z[k] };
}

function forwardNode(net: Net, k: number): SourceReadout | NeuronForward {
  if (net.kind[k] !== KIND_NEURON) return sourceNode(net, k);
  return { id: net.nodeIds[k], type: 'neuron', s: net.s[k], z: net.z[k], dsigma: net.dzds[k] };
}

function passNode(net: Net, k: number): SourceReadout | NeuronReadout {
  if (net.kind[k] !== KIND_NEURON) return sourceNode(net, k);
  const dhds = each(net.numOutputs, (o) => net.dhds[o * net.numNodes + k]);
  const read: NeuronReadout = { id: net.nodeIds[k], type: 'neuron', s: net.s[k], z: net.z[k], dsigma: net.dzds[k], dhds, dEds: net.dEds[k] };
  if (net.softmax) read.dsds = each(net.numOutputs, (m) => net.dsds[m * net.numNodes + k]);
  return read;
}

// edges built field by field, not spread: a big graph reads 2,000 of them per refresh
function forwardEdge(net: Net, e: number): EdgeForward {
  const { nodeIds, edgeSource, edgeTarget } = net;
  return { id: net.edgeIds[e], source: nodeIds[edgeSource[e]], target: nodeIds[edgeTarget[e]], weight: net.weights[e] };
}

function passEdge(net: Net, e: number): EdgeReadout {
  const { nodeIds, edgeSource, edgeTarget } = net;
  const id = net.edgeIds[e];
  return { id, source: nodeIds[edgeSource[e]], target: nodeIds[edgeTarget[e]], weight: net.weights[e], grad: net.grad[e] };
}

/** an x too short for the features the net reads would turn into NaN silently */
function checkInputs(net: Net, x: ArrayLike<number>): void {
  let needed = 0;
  for (let k = 0; k < net.numNodes; k++) if (net.feature[k] >= needed) needed = net.feature[k] + 1;
  if (x.length < needed) throw new RangeError(`x has ${x.length} value(s), but the net reads feature ${needed - 1}`);
}

function checkTargets(net: Net, y: ArrayLike<number>): void {
  if (y.length < net.numOutputs) throw new RangeError(`y has ${y.length} value(s), but the net has ${net.numOutputs} output(s)`);
}
