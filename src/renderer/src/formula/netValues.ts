import { byId, KIND_INPUT, LOSS_SQUARED, readPass, trainingOptions, type GraphDoc, type Net, type PassReadout } from '../../../engine';
import type { NetCache } from '../studio/netCache';
import type { NetValues, NodeValues } from './values';

// The engine's readout of one example's pass (src/engine/readout.ts), laid out for the formula
// builders and the step-through: each node with its label and its incoming and outgoing edges.

/** bias nodes are written by id (in_1), the rest by their label when they have one */
function displayName(doc: GraphDoc, k: number): string {
  const node = doc.nodes[k];
  return node.type === 'bias' ? node.id : (node.label ?? node.id);
}

function nodeValues(doc: GraphDoc, net: Net, r: PassReadout, k: number): NodeValues {
  const node = doc.nodes[k];
  const read = r.nodes[k];
  const ids = (start: Int32Array, edge: Int32Array) => Array.from(edge.subarray(start[k], start[k + 1]), (e) => net.edgeIds[e]);
  const base = { id: node.id, label: displayName(doc, k), type: read.type, z: read.z, incoming: ids(net.inStart, net.inEdge), outgoing: ids(net.outStart, net.outEdge) };
  if (net.kind[k] === KIND_INPUT) return { ...base, feature: net.feature[k] };
  if (read.type !== 'neuron' || node.type !== 'neuron') return base;
  return { ...base, activation: node.activation, output: node.output, s: read.s, dsigma: read.dsigma, dhds: read.dhds, dEds: read.dEds, ...(read.dsds ? { dsds: read.dsds } : {}) };
}

/** `doc`'s net from the page's one compile (studio/netCache.ts), or null when the graph breaks a rule or has no output */
export function netOrNull(nets: NetCache, doc: GraphDoc): Net | null {
  const net = nets.netFor(doc);
  return net !== null && net.numOutputs > 0 ? net : null;
}

/** runs example `exampleIndex` through `net` (compiled from `doc`) and reads every quantity out */
export function passValues(doc: GraphDoc, net: Net, exampleIndex: number): NetValues | null {
  const example = doc.dataset.examples[exampleIndex];
  if (!example) return null;
  const r = readPass(net, example);
  const nodes: Record<string, NodeValues> = {};
  for (let k = 0; k < net.numNodes; k++) nodes[net.nodeIds[k]] = nodeValues(doc, net, r, k);
  const edges = byId(r.edges.map((e, i) => ({ ...e, regularized: net.regularized[i] !== 0, frozen: net.frozen[i] !== 0, off: net.edgeOff[i] !== 0, velocity: net.velocity[i] })));
  const { learningRate, regularization, momentum } = trainingOptions(doc.training);
  const loss = net.loss === LOSS_SQUARED ? 'squared' : 'crossEntropy';
  return { exampleIndex, nodes, edges, outputs: r.outputs, error: r.error, loss, softmax: net.softmax, update: { learningRate, regularization, momentum } };
}

/** the example's values, or null when the graph does not compile or the example does not exist */
export function netValues(nets: NetCache, doc: GraphDoc, exampleIndex: number): NetValues | null {
  if (!doc.dataset.examples[exampleIndex]) return null;
  const net = netOrNull(nets, doc);
  return net && passValues(doc, net, exampleIndex);
}
