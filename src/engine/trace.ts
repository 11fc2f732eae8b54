// Every quantity of one example's forward and backward pass, keyed by id (the CLI's `trace --json`):
// the readout (readout.ts) in the shape the command line has always printed.

import type { GraphDoc } from './format/types';
import { compile } from './compile';
import { readPass, type PassReadout } from './readout';

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
  return traceOf(readPass(compile(doc), examples[exampleIndex]));
}

/** a pass's readout keyed by id, as `trace --json` prints it */
export function traceOf(readout: PassReadout): TraceResult {
  const outputIds = readout.outputs.map((o) => o.nodeId);
  // Object.fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key
  const nodes = Object.fromEntries(
    readout.nodes.map((node): [string, TraceNode] => {
      if (node.type !== 'neuron') return [node.id, { z: node.z }];
      const dhds = Object.fromEntries(outputIds.map((outId, o) => [outId, node.dhds[o]]));
      return [node.id, { s: node.s, z: node.z, dhds, dEds: node.dEds }];
    }),
  );
  const edges = Object.fromEntries(readout.edges.map((e) => [e.id, { weight: e.weight, grad: e.grad }]));
  return {
    order: [...readout.order],
    nodes,
    outputs: readout.outputs.map((o) => o.h),
    error: readout.error,
    edges,
  };
}
