// "The same math": what a compiled net (and its WebAssembly kernel) depends on besides the
// weights — node ids, kinds, activations, feature expressions, outputs and which are off, the
// edges' ids, ends and which are off, in document order, and the shape of the examples that
// compile validates against. Two documents with the same mathKey compile to the same net up to
// its weights (non-finite numbers aside: compile refuses those wherever they are). Moving or
// renaming a node is not math.

import { trainingOptions, type Dataset, type GraphDoc, type GraphEdge, type GraphNode, type TrainingSettings } from './format/types';

type Topology = Pick<GraphDoc, 'nodes' | 'edges'>;

/**
 * Remembered per (nodes, edges) arrays — the document never changes them in place — since the
 * maps and live values ask for it with every weight update while training runs; and the whole
 * key per shape, so the same document gives the same string object (compared in O(1)). A memo
 * of pure functions of immutable inputs: nothing observable is kept.
 */
interface Remembered {
  topology: string;
  /** datasetShape → mathKey */
  keys: Map<string, string>;
}
const topologyMemo = new WeakMap<readonly GraphNode[], WeakMap<readonly GraphEdge[], Remembered>>();
/** remembered per examples array: a million examples are checked once, not per frame */
const shapeMemo = new WeakMap<Dataset['examples'], string>();

/** a key equal for two documents exactly when they compile to the same net up to its weights (the loss is part of the net) */
export function mathKey(doc: Pick<GraphDoc, 'nodes' | 'edges' | 'dataset'> & { training?: Pick<TrainingSettings, 'loss'> }): string {
  const remembered = rememberedFor(doc);
  const shape = `${datasetShape(doc.dataset)}:${doc.training?.loss ?? 'squared'}`;
  let key = remembered.keys.get(shape);
  if (key === undefined) remembered.keys.set(shape, (key = `${remembered.topology}#${shape}`));
  return key;
}

/** the nodes' and edges' part of mathKey */
export function topologyKey(doc: Topology): string {
  return rememberedFor(doc).topology;
}

function rememberedFor(doc: Topology): Remembered {
  let byEdges = topologyMemo.get(doc.nodes);
  if (!byEdges) topologyMemo.set(doc.nodes, (byEdges = new WeakMap()));
  let remembered = byEdges.get(doc.edges);
  if (remembered === undefined) byEdges.set(doc.edges, (remembered = { topology: computeTopologyKey(doc), keys: new Map() }));
  return remembered;
}

/** a string that cannot run into its neighbours: its length, then itself */
const delimited = (text: string): string => `${text.length}:${text}`;

/** what a node contributes: id, type, activation or feature expression, output, off (only the id is free text) */
function nodeMath(n: GraphNode): string {
  const off = n.off === true ? ',off' : '';
  if (n.type === 'neuron') return `${delimited(n.id)}neuron,${n.activation},${n.output ?? ''}${off};`;
  if (n.type === 'input') return `${delimited(n.id)}input,${n.feature},${n.transform ?? ''},${n.times ?? ''}${off};`;
  return `${delimited(n.id)}bias${off};`;
}

/** ids are length-prefixed, so ids holding any separator cannot make two topologies read alike */
function computeTopologyKey(doc: Topology): string {
  const nodes = doc.nodes.map(nodeMath);
  const edges = doc.edges.map((e) => `${delimited(e.id)}${delimited(e.source)}${delimited(e.target)}${e.off === true ? 'off' : ''};`);
  return `${nodes.join('')}#${edges.join('')}`;
}

/**
 * The example shape compile validates: x and y lengths (every example must share example 0's,
 * so a ragged data set cannot compile at all), and the number of feature and target names.
 */
function datasetShape(dataset: Dataset): string {
  let shape = shapeMemo.get(dataset.examples);
  if (shape === undefined) shapeMemo.set(dataset.examples, (shape = examplesShape(dataset.examples)));
  return `${shape}:${dataset.features?.length ?? '-'}:${dataset.targets?.length ?? '-'}:${dataset.problem ?? '-'}:${dataset.classes?.length ?? '-'}`;
}

function examplesShape(examples: Dataset['examples']): string {
  if (examples.length === 0) return 'none';
  const x = examples[0].x.length;
  const y = examples[0].y.length;
  for (const ex of examples) if (ex.x.length !== x || ex.y.length !== y) return 'ragged';
  return `${x}:${y}`;
}

function sameMathNode(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.type !== b.type) return false;
  if (a.off !== b.off) return false; // ablation
  if (a.type === 'input' && b.type === 'input') return a.feature === b.feature && a.transform === b.transform && a.times === b.times;
  if (a.type === 'neuron' && b.type === 'neuron') return a.activation === b.activation && a.output === b.output;
  return true;
}

/** do two node lists compute the same (ignoring positions, labels and the like)? */
export function sameMathNodes(a: readonly GraphNode[], b: readonly GraphNode[]): boolean {
  return a === b || (a.length === b.length && a.every((n, i) => sameMathNode(n, b[i])));
}

/** do two edge lists join the same nodes in the same order (ignoring weights)? */
export function sameEnds(a: readonly GraphEdge[], b: readonly GraphEdge[]): boolean {
  return a === b || (a.length === b.length && a.every((e, i) => e.source === b[i].source && e.target === b[i].target));
}

/** every setting an epoch reads, version 2's too (an absent one as its default) */
function sameSettings(a: TrainingSettings, b: TrainingSettings): boolean {
  if (a === b) return true;
  const x = trainingOptions(a);
  const y = trainingOptions(b);
  const v1 = x.learningRate === y.learningRate && x.mode === y.mode && x.shuffle === y.shuffle && x.seed === y.seed && x.epoch === y.epoch;
  const v2 = x.batchSize === y.batchSize && x.loss === y.loss && x.momentum === y.momentum;
  return v1 && v2 && x.regularization.kind === y.regularization.kind && x.regularization.rate === y.regularization.rate;
}

/**
 * Does an edit change what training computes? Weights, topology, activations, the examples and
 * the settings do — the epoch count too (each epoch's shuffle is drawn from the seed and the
 * epoch number, and training carries on from the document's epoch); moving or renaming a node
 * does not.
 */
export function changesTraining(prev: GraphDoc | null, next: GraphDoc): boolean {
  if (prev === null) return true;
  if (prev === next) return false;
  if (prev.edges !== next.edges || prev.dataset.examples !== next.dataset.examples) return true;
  return !sameSettings(prev.training, next.training) || !sameMathNodes(prev.nodes, next.nodes);
}

/** Does an edit change the maps? Weights, the data set (its domain included) or what nodes compute. */
export function changesMaps(prev: GraphDoc, next: GraphDoc): boolean {
  return prev.edges !== next.edges || prev.dataset !== next.dataset || !sameMathNodes(prev.nodes, next.nodes);
}
