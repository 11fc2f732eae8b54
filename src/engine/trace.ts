// Every quantity of one example's forward and backward pass, keyed by id (the CLI's `trace --json`).

import type { GraphDoc } from './format/types';
import { compile, KIND_NEURON, type Net } from './compile';
import { backward, forward } from './pass';

export interface TraceNeuron {
  s: number;
  z: number;
  /** ∂h_o/∂s_k keyed by output node id */
  dhds: Record<string, number>;
  /** ∂E_i/∂s_k */
  dEds: number;
}

/** input and bias nodes carry only z */
export interface TraceSource {
  z: number;
}

export type TraceNode = TraceNeuron | TraceSource;

export interface TraceResult {
  /** node ids in the topological order used */
  order: string[];
  nodes: Record<string, TraceNode>;
  /** h_o in output-index order */
  outputs: number[];
  /** E_i */
  error: number;
  edges: Record<string, { weight: number; grad: number }>;
}

/** throws GraphFileError for an invalid graph and RangeError for an example that does not exist */
export function trace(doc: GraphDoc, exampleIndex: number): TraceResult {
  const examples = doc.dataset.examples;
  if (!Number.isInteger(exampleIndex) || exampleIndex < 0 || exampleIndex >= examples.length) {
    const range = examples.length === 0 ? 'the dataset has no examples' : `choose 0..${examples.length - 1}`;
    throw new RangeError(`example ${exampleIndex} does not exist; ${range}`);
  }
  const net = compile(doc);
  const ex = examples[exampleIndex];
  forward(net, ex.x);
  const error = backward(net, ex.y);
  return traceOf(net, error);
}

/** the trace of the pass currently held in the net's buffers */
export function traceOf(net: Net, error: number): TraceResult {
  const { nodeIds, numNodes, outputNode } = net;
  const outputIds = Array.from(outputNode, (k) => nodeIds[k]);
  // Object.fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key
  const nodes = Object.fromEntries(
    nodeIds.map((id, k): [string, TraceNode] => {
      if (net.kind[k] !== KIND_NEURON) return [id, { z: net.z[k] }];
      const dhds = Object.fromEntries(outputIds.map((outId, o) => [outId, net.dhds[o * numNodes + k]]));
      return [id, { s: net.s[k], z: net.z[k], dhds, dEds: net.dEds[k] }];
    }),
  );
  const edges = Object.fromEntries(net.edgeIds.map((id, e) => [id, { weight: net.weights[e], grad: net.grad[e] }]));
  return {
    order: Array.from(net.order, (k) => nodeIds[k]),
    nodes,
    outputs: Array.from(outputNode, (k) => net.z[k]),
    error,
    edges,
  };
}
