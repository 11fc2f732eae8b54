// The document compiled once into flat typed arrays: topological order, incoming and outgoing
// edges packed per node (CSR), and Float64 buffers for every quantity of a pass.

import type { GraphDoc } from './format/types';
import { GraphFileError } from './format/errors';
import { validateGraph } from './format/validate';
import { topoSort } from './topo';
import { ACTIVATION_CODE } from './activation';

export const KIND_INPUT = 0;
export const KIND_BIAS = 1;
export const KIND_NEURON = 2;

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
  /** s_k per node (0 for inputs and bias) */
  s: Float64Array;
  /** z_k per node */
  z: Float64Array;
  /** σ'(s_k) per node (0 for inputs and bias) */
  dzds: Float64Array;
  /** ∂h_o/∂s_k at [o * numNodes + k] */
  dhds: Float64Array;
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
  let numOutputs = 0;
  doc.nodes.forEach((node, k) => {
    if (node.type === 'input') {
      kind[k] = KIND_INPUT;
      feature[k] = node.feature;
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
  doc.edges.forEach((e, i) => {
    edgeSource[i] = indexOf.get(e.source)!;
    edgeTarget[i] = indexOf.get(e.target)!;
    weights[i] = e.weight;
  });
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
    s: new Float64Array(n),
    z: new Float64Array(n),
    dzds: new Float64Array(n),
    dhds: new Float64Array(numOutputs * n),
    dEds: new Float64Array(n),
    grad: new Float64Array(numEdges),
    gradSum: new Float64Array(numEdges),
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

/** a new document whose edges carry the net's current weights */
export function weightsToDoc(doc: GraphDoc, net: Net): GraphDoc {
  if (doc.edges.length !== net.numEdges) {
    throw new Error(`the net has ${net.numEdges} edges but the document has ${doc.edges.length}`);
  }
  return { ...doc, edges: doc.edges.map((e, i) => ({ ...e, weight: net.weights[i] })) };
}
