// The document compiled once into flat typed arrays: topological order, incoming and outgoing
// edges packed per node (CSR), and Float64 buffers for every quantity of a pass.

import { problemOf, type GraphDoc } from './format/types';
import { GraphFileError } from './format/errors';
import { validateGraph } from './format/validate';
import { topoSort } from './topo';
import { ACT_SOFTMAX, ACTIVATION_CODE } from './activation';
import { transformCode } from './transforms';

export const KIND_INPUT = 0;
export const KIND_BIAS = 1;
export const KIND_NEURON = 2;

export const LOSS_SQUARED = 0;
export const LOSS_CROSS_ENTROPY = 1;

export interface Net {
  numNodes: number;
  numEdges: number;
  /** m: number of output neurons */
  numOutputs: number;
  /** node index → id (document order) */
  nodeIds: string[];
  /** edge index → id; edge index = position in doc.edges */
  edgeIds: string[];
  /** node indices in topological order */
  order: Int32Array;
  /** KIND_INPUT | KIND_BIAS | KIND_NEURON per node */
  kind: Int8Array;
  /** activation code per node (see activation.ts); −1 for inputs and bias */
  act: Int8Array;
  /** index into x per node; −1 unless an input */
  feature: Int32Array;
  /** TRANSFORM_* per node (features.ts); 0 unless an input that squares or takes the sine */
  transform: Int8Array;
  /** the second feature j of an input computing x_i · x_j; −1 otherwise */
  times: Int32Array;
  /** 1 for a node switched off (ablation) */
  nodeOff: Uint8Array;
  /** 1 for an edge switched off */
  edgeOff: Uint8Array;
  /** 1 for an edge that is not updated: off, or an end of it is off */
  frozen: Uint8Array;
  /** 1 for an edge the regulariser penalises: not from a bias node, not frozen */
  regularized: Uint8Array;
  /** LOSS_SQUARED | LOSS_CROSS_ENTROPY, from training.loss */
  loss: number;
  /** the outputs are a softmax over their s (crossEntropy with m ≥ 2 outputs) */
  softmax: boolean;
  /** accuracy by arg-max (m ≥ 2 softmax outputs, or classes listing m classes) rather than by midpoint */
  argmaxAccuracy: boolean;
  /** the dataset is a regression: accuracy gives way to the mean squared error */
  regression: boolean;
  /** output index per node; −1 unless an output neuron */
  outputIndex: Int32Array;
  /** node index per output index */
  outputNode: Int32Array;
  /** incoming edges of node k: positions inStart[k]..inStart[k+1]−1 of inSrc (source node) and inEdge (edge index) */
  inStart: Int32Array;
  inSrc: Int32Array;
  inEdge: Int32Array;
  /** outgoing edges of node k: positions outStart[k]..outStart[k+1]−1 of outDst (target node) and outEdge */
  outStart: Int32Array;
  outDst: Int32Array;
  outEdge: Int32Array;
  /** source and target node index per edge */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** w_{j→k} per edge */
  weights: Float64Array;
  /** momentum's v per edge (the edges' velocity, 0 when absent) */
  velocity: Float64Array;
  /** s_k per node (0 for inputs and bias) */
  s: Float64Array;
  /** z_k per node */
  z: Float64Array;
  /** σ'(s_k) per node (0 for inputs and bias) */
  dzds: Float64Array;
  /** ∂h_o/∂s_k at [o * numNodes + k] */
  dhds: Float64Array;
  /** ∂s_o/∂s_k at [o * numNodes + k], for the softmax Jacobian (softmax nets only) */
  dsds: Float64Array;
  /** softmax: [M, L] of the last forward pass: M = max_o s_o, L = log1p(Σ_{o≠a} e^{s_o − M}) */
  softmaxShift: Float64Array;
  /** ∂E_i/∂s_k per node */
  dEds: Float64Array;
  /** ∂E_i/∂w per edge, from the last backward() */
  grad: Float64Array;
  /** Σ_i ∂E_i/∂w per edge, accumulated by a batch epoch */
  gradSum: Float64Array;
}

/** throws GraphFileError when the document breaks a graph rule */
export function compile(doc: GraphDoc): Net {
  const issues = validateGraph(doc);
  if (issues.length > 0) throw new GraphFileError(issues);
  const nodeIds = doc.nodes.map((node) => node.id);
  const sorted = topoSort(nodeIds, doc.edges);
  if (!sorted.ok) throw new GraphFileError('cycle', ['edges'], 'the graph has a cycle'); // validateGraph reports it first
  const n = nodeIds.length;
  const numEdges = doc.edges.length;
  const indexOf = new Map<string, number>();
  nodeIds.forEach((id, i) => indexOf.set(id, i));

  const kind = new Int8Array(n);
  const act = new Int8Array(n).fill(-1);
  const feature = new Int32Array(n).fill(-1);
  const outputIndex = new Int32Array(n).fill(-1);
  const transform = new Int8Array(n);
  const times = new Int32Array(n).fill(-1);
  const nodeOff = Uint8Array.from(doc.nodes, (node) => (node.off === true ? 1 : 0));
  let numOutputs = 0;
  doc.nodes.forEach((node, k) => {
    if (node.type === 'input') {
      kind[k] = KIND_INPUT;
      feature[k] = node.feature;
      transform[k] = transformCode(node);
      times[k] = node.times ?? -1;
    } else if (node.type === 'bias') kind[k] = KIND_BIAS;
    else {
      kind[k] = KIND_NEURON;
      act[k] = ACTIVATION_CODE[node.activation];
      if (node.output !== undefined) {
        outputIndex[k] = node.output;
        numOutputs++;
      }
    }
  });
  const outputNode = new Int32Array(numOutputs);
  outputIndex.forEach((o, k) => {
    if (o >= 0) outputNode[o] = k;
  });

  const edgeSource = new Int32Array(numEdges);
  const edgeTarget = new Int32Array(numEdges);
  const weights = new Float64Array(numEdges);
  const velocity = new Float64Array(numEdges);
  const edgeOff = new Uint8Array(numEdges);
  doc.edges.forEach((e, i) => {
    edgeSource[i] = indexOf.get(e.source)!;
    edgeTarget[i] = indexOf.get(e.target)!;
    weights[i] = e.weight;
    velocity[i] = e.velocity ?? 0;
    edgeOff[i] = e.off === true ? 1 : 0;
  });
  // frozen: off, or an end is off; regularised: trainable and not a bias edge
  const frozen = Uint8Array.from(edgeOff, (off, e) => off | nodeOff[edgeSource[e]] | nodeOff[edgeTarget[e]]);
  const regularized = Uint8Array.from(frozen, (f, e) => (f === 0 && kind[edgeSource[e]] !== KIND_BIAS ? 1 : 0));
  const loss = doc.training.loss === 'crossEntropy' ? LOSS_CROSS_ENTROPY : LOSS_SQUARED;
  const softmax = numOutputs > 0 && act[outputNode[0]] === ACT_SOFTMAX;
  const classes = doc.dataset.classes;
  const incoming = packPerNode(n, edgeTarget, edgeSource);
  const outgoing = packPerNode(n, edgeSource, edgeTarget);

  return {
    numNodes: n,
    numEdges,
    numOutputs,
    nodeIds,
    edgeIds: doc.edges.map((e) => e.id),
    order: Int32Array.from(sorted.order, (id) => indexOf.get(id)!),
    kind,
    act,
    feature,
    transform,
    times,
    nodeOff,
    edgeOff,
    frozen,
    regularized,
    loss,
    softmax,
    argmaxAccuracy: numOutputs >= 2 && (softmax || classes?.length === numOutputs),
    regression: problemOf(doc.dataset) === 'regression',
    outputIndex,
    outputNode,
    inStart: incoming.start,
    inSrc: incoming.other,
    inEdge: incoming.edge,
    outStart: outgoing.start,
    outDst: outgoing.other,
    outEdge: outgoing.edge,
    edgeSource,
    edgeTarget,
    weights,
    velocity,
    s: new Float64Array(n),
    z: new Float64Array(n),
    dzds: new Float64Array(n),
    dhds: new Float64Array(numOutputs * n),
    dsds: new Float64Array(softmax ? numOutputs * n : 0),
    softmaxShift: new Float64Array(2),
    dEds: new Float64Array(n),
    grad: new Float64Array(numEdges),
    gradSum: new Float64Array(numEdges),
  };
}

/**
 * A net sharing `net`'s structure (topology, kinds, activations, which are off: never written
 * after compile) with weights, velocities and pass values of its own, so several users of one
 * compile (the page's live values, maps, lessons, formulas) can each set weights and run passes
 * without disturbing the others. The weights and velocities start as `net`'s.
 */
export function withOwnState(net: Net): Net {
  return {
    ...net,
    weights: net.weights.slice(),
    velocity: net.velocity.slice(),
    s: new Float64Array(net.s.length),
    z: new Float64Array(net.z.length),
    dzds: new Float64Array(net.dzds.length),
    dhds: new Float64Array(net.dhds.length),
    dsds: new Float64Array(net.dsds.length),
    softmaxShift: new Float64Array(net.softmaxShift.length),
    dEds: new Float64Array(net.dEds.length),
    grad: new Float64Array(net.grad.length),
    gradSum: new Float64Array(net.gradSum.length),
  };
}

/** CSR: the edges grouped by `key` node, each with its `other` end, in edge order within a group */
function packPerNode(n: number, key: Int32Array, other: Int32Array) {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) start[key[e] + 1]++;
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const otherOut = new Int32Array(key.length);
  const edge = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) {
    const p = fill[key[e]]++;
    otherOut[p] = other[e];
    edge[p] = e;
  }
  return { start, other: otherOut, edge };
}

/** a new document whose edges carry the net's current weights (and, with momentum on, its velocities) */
export function weightsToDoc(doc: GraphDoc, net: Net): GraphDoc {
  if (doc.edges.length !== net.numEdges) {
    throw new Error(`the net has ${net.numEdges} edges but the document has ${doc.edges.length}`);
  }
  const withVelocity = (doc.training.momentum ?? 0) > 0;
  return {
    ...doc,
    edges: doc.edges.map((e, i) =>
      withVelocity ? { ...e, weight: net.weights[i], velocity: net.velocity[i] + 0 } : { ...e, weight: net.weights[i] },
    ),
  };
}
