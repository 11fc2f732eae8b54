// What every exporter needs to know about a graph, in the order the code it writes will use:
// inputs and biases, neurons in topological order with their incoming and outgoing edges (edge
// index = position in the file), outputs in output order, and the embedded data set.

import { compile, KIND_INPUT, type Net } from '../compile';
import type { Activation, Example, GraphDoc, TrainingSettings } from '../format/types';
import { GraphFileError } from '../format/errors';
import { midpoint } from '../activation';

export interface PlanEdge {
  index: number;
  id: string;
  source: string;
  target: string;
  weight: number;
  /** momentum's v (0 when absent) */
  velocity: number;
  /** off, or an end is off: contributes 0 to s, gradient 0, never updated ("Ablation") */
  frozen: boolean;
  /** switched off itself (contributes 0 to s) */
  off: boolean;
  /** penalised by L1/L2: not from a bias node, not frozen */
  regularized: boolean;
}

export interface PlanNeuron {
  id: string;
  label: string;
  activation: Activation;
  /** switched off: s = 0, z = 0, σ' = 0 */
  off: boolean;
  /** output index when this neuron is an output */
  output?: number;
  /** edges into it, in file order (the order the engine sums s_k in) */
  incoming: PlanEdge[];
  /** edges out of it, in file order */
  outgoing: PlanEdge[];
}

export interface ExportPlan {
  name: string;
  inputs: { id: string; label: string; feature: number; transform?: 'square' | 'sin'; times?: number; off: boolean }[];
  biases: { id: string; label: string }[];
  /** in the engine's topological order */
  neurons: PlanNeuron[];
  /** every edge in file order */
  edges: PlanEdge[];
  /** node id per output index */
  outputs: string[];
  /** numbers per example's x the code embeds */
  features: number;
  /** each example's x (all of it), its first `outputs.length` targets and its test flag */
  examples: Example[];
  training: TrainingSettings;
  /** the outputs are one softmax (cross-entropy with m ≥ 2 outputs) */
  softmax: boolean;
  /** how an example counts as right ("Metrics"): arg-max, every output on its target's side of its midpoint, or not at all (a regression) */
  accuracy: { rule: 'argmax' } | { rule: 'midpoint'; midpoints: number[] } | { rule: 'regression' };
}

/** throws GraphFileError (from compile) when the document breaks a graph rule, or has no output to train */
export function exportPlan(doc: GraphDoc): ExportPlan {
  const net = compile(doc);
  const edges: PlanEdge[] = doc.edges.map((e, index) => ({
    index,
    id: e.id,
    source: e.source,
    target: e.target,
    weight: e.weight,
    velocity: e.velocity ?? 0,
    frozen: net.frozen[index] === 1,
    off: net.edgeOff[index] === 1,
    regularized: net.regularized[index] === 1,
  }));
  const labelOf = (k: number): string => doc.nodes[k].label ?? doc.nodes[k].id;
  const neurons: PlanNeuron[] = [];
  const inputs: ExportPlan['inputs'] = [];
  const biases: ExportPlan['biases'] = [];
  for (const k of net.order) {
    const node = doc.nodes[k];
    const off = node.off === true;
    if (node.type === 'input') inputs.push({ id: node.id, label: labelOf(k), feature: node.feature, transform: node.transform, times: node.times, off });
    else if (node.type === 'bias') biases.push({ id: node.id, label: labelOf(k) });
    else neurons.push({ id: node.id, label: labelOf(k), activation: node.activation, off, output: node.output, incoming: edgesOf(net, edges, k, 'in'), outgoing: edgesOf(net, edges, k, 'out') });
  }
  const outputs = Array.from(net.outputNode, (k) => net.nodeIds[k]);
  if (outputs.length === 0) throw new GraphFileError('output-index', ['nodes'], 'the graph has no output neuron, so there is no training loop to export');
  const examples = doc.dataset.examples.map((ex) => ({ x: ex.x, y: ex.y.slice(0, outputs.length), ...(ex.test === true ? { test: true } : {}) }));
  return { name: doc.name ?? 'graph', inputs, biases, neurons, edges, outputs, features: featureCount(net, doc), examples, training: doc.training, softmax: net.softmax, accuracy: accuracyRule(net) };
}

function accuracyRule(net: Net): ExportPlan['accuracy'] {
  if (net.regression) return { rule: 'regression' };
  if (net.argmaxAccuracy) return { rule: 'argmax' };
  return { rule: 'midpoint', midpoints: Array.from(net.outputNode, (k) => midpoint(net.act[k])) };
}

function edgesOf(net: Net, edges: PlanEdge[], k: number, side: 'in' | 'out'): PlanEdge[] {
  const start = side === 'in' ? net.inStart : net.outStart;
  const edge = side === 'in' ? net.inEdge : net.outEdge;
  const list: PlanEdge[] = [];
  for (let q = start[k]; q < start[k + 1]; q++) list.push(edges[edge[q]]);
  return list;
}

function featureCount(net: Net, doc: GraphDoc): number {
  let n = doc.dataset.examples[0]?.x.length ?? 0;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) n = Math.max(n, net.feature[k] + 1);
  return n;
}
