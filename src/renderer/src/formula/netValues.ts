import { backward, compile, forward, KIND_BIAS, KIND_INPUT, type GraphDoc, type Net } from '../../../engine';
import type { EdgeValues, NetValues, NodeValues } from './values';

// One forward and one backward pass of the engine on the example in hand, read out of the
// compiled net's typed arrays into records keyed by id for the formula builders.

const KIND_NAME = ['input', 'bias', 'neuron'] as const;

/** bias nodes are written by id (in_1), the rest by their label when they have one */
function displayName(doc: GraphDoc, k: number): string {
  const node = doc.nodes[k];
  return node.type === 'bias' ? node.id : (node.label ?? node.id);
}

function readNode(doc: GraphDoc, net: Net, k: number): NodeValues {
  const node = doc.nodes[k];
  const ids = (start: Int32Array, edge: Int32Array) =>
    Array.from(edge.subarray(start[k], start[k + 1]), (e) => net.edgeIds[e]);
  const base: NodeValues = {
    id: node.id,
    label: displayName(doc, k),
    type: KIND_NAME[net.kind[k]],
    z: net.z[k],
    incoming: ids(net.inStart, net.inEdge),
    outgoing: ids(net.outStart, net.outEdge),
  };
  if (net.kind[k] === KIND_INPUT) return { ...base, feature: net.feature[k] };
  if (net.kind[k] === KIND_BIAS || node.type !== 'neuron') return base;
  const dhds = Array.from({ length: net.numOutputs }, (_, o) => net.dhds[o * net.numNodes + k]);
  return {
    ...base,
    activation: node.activation,
    output: node.output,
    s: net.s[k],
    dsigma: net.dzds[k],
    dhds,
    dEds: net.dEds[k],
  };
}

/** the net compiled from `doc`, or null when the graph breaks a rule or has no output */
export function compileOrNull(doc: GraphDoc): Net | null {
  try {
    const net = compile(doc);
    return net.numOutputs > 0 ? net : null;
  } catch {
    return null;
  }
}

/** runs example `exampleIndex` through `net` (compiled from `doc`) and reads every quantity out */
export function passValues(doc: GraphDoc, net: Net, exampleIndex: number): NetValues | null {
  const example = doc.dataset.examples[exampleIndex];
  if (!example) return null;
  forward(net, example.x);
  const error = backward(net, example.y);
  const nodes: Record<string, NodeValues> = {};
  for (let k = 0; k < net.numNodes; k++) nodes[net.nodeIds[k]] = readNode(doc, net, k);
  const edges: Record<string, EdgeValues> = {};
  doc.edges.forEach((e, i) => {
    edges[e.id] = { id: e.id, source: e.source, target: e.target, weight: net.weights[i], grad: net.grad[i] };
  });
  const outputs = Array.from(net.outputNode, (k, o) => ({ nodeId: net.nodeIds[k], h: net.z[k], y: example.y[o] }));
  return { exampleIndex, nodes, edges, outputs, error };
}

/** the example's values, or null when the graph does not compile or the example does not exist */
export function netValues(doc: GraphDoc, exampleIndex: number): NetValues | null {
  if (!doc.dataset.examples[exampleIndex]) return null;
  const net = compileOrNull(doc);
  return net && passValues(doc, net, exampleIndex);
}
