import type {
  Activation,
  Domain,
  Example,
  GraphDoc,
  GraphEdge,
  GraphNode,
  InputNode,
  Position,
  TrainingSettings,
} from '../../../engine/format/types';

// Pure, immutable edits of a GraphDoc (structural sharing: untouched nodes, edges and examples
// keep their identity). The document store wraps these with history and dirty tracking.

/** a node to add: any node type, its id optional */
export type NewNode = GraphNode extends infer N ? (N extends GraphNode ? Omit<N, 'id'> & { id?: string } : never) : never;

/** fields the inspector may change; `output: null` makes a neuron a hidden one */
export interface NodePatch {
  label?: string;
  activation?: Activation;
  feature?: number;
  output?: number | null;
  /** an input's feature expression: x_i, x_i² or sin x_i (`transform`), x_i·x_j (`times`) */
  expression?: Pick<InputNode, 'feature' | 'transform' | 'times'>;
}

export function patchNode(node: GraphNode, patch: NodePatch): GraphNode {
  let next: GraphNode = node;
  if (patch.label !== undefined) {
    const label = patch.label.trim();
    next = label === '' || label === node.id ? withoutKey(next, 'label') : { ...next, label };
  }
  if (next.type === 'neuron' && patch.activation !== undefined) next = { ...next, activation: patch.activation };
  if (next.type === 'input' && patch.feature !== undefined && Number.isInteger(patch.feature) && patch.feature >= 0) {
    next = { ...next, feature: patch.feature };
  }
  if (next.type === 'neuron' && patch.output !== undefined) {
    next = patch.output === null ? withoutKey(next, 'output') : { ...withoutKey(next, 'off'), output: patch.output };
  }
  if (next.type === 'input' && patch.expression !== undefined) next = withExpression(next, patch.expression);
  return sameNode(node, next) ? node : next;
}

/** an input computing `expression` (its feature, and a transform or a second feature, or neither) */
function withExpression(node: InputNode, expression: NonNullable<NodePatch['expression']>): InputNode {
  const { feature, transform, times } = expression;
  if (!Number.isInteger(feature) || feature < 0 || (times !== undefined && (!Number.isInteger(times) || times < 0))) return node;
  let next: InputNode = withoutKey(withoutKey({ ...node, feature }, 'transform'), 'times');
  if (transform !== undefined) next = { ...next, transform };
  else if (times !== undefined) next = { ...next, times };
  return next;
}

/**
 * Switches nodes and edges off (ablation: z = 0, an edge contributes 0, neither is trained) or
 * back on. Output neurons cannot be off (graph-format.md, "Ablation"): they are left as they are.
 */
export function withOff(doc: GraphDoc, nodeIds: readonly string[], edgeIds: readonly string[], off: boolean): GraphDoc {
  const nodeSet = new Set(nodeIds);
  const edgeSet = new Set(edgeIds);
  const switched = <T extends { off?: boolean }>(item: T): T => (off ? (item.off === true ? item : { ...item, off: true }) : withoutKey(item, 'off'));
  let nodesChanged = false;
  let edgesChanged = false;
  const nodes = doc.nodes.map((n) => {
    if (!nodeSet.has(n.id) || (n.type === 'neuron' && n.output !== undefined)) return n;
    const next = switched(n);
    if (next !== n) nodesChanged = true;
    return next;
  });
  const edges = doc.edges.map((e) => {
    if (!edgeSet.has(e.id)) return e;
    const next = switched(e);
    if (next !== e) edgesChanged = true;
    return next;
  });
  if (!nodesChanged && !edgesChanged) return doc;
  return { ...doc, nodes: nodesChanged ? nodes : doc.nodes, edges: edgesChanged ? edges : doc.edges };
}

function withoutKey<T extends object, K extends keyof T>(obj: T, key: K): T {
  if (!(key in obj)) return obj;
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof GraphNode)[];
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

export function updateNodesIn(doc: GraphDoc, ids: readonly string[], patch: NodePatch): GraphDoc {
  const wanted = new Set(ids);
  let changed = false;
  let nodes = doc.nodes.map((n) => {
    if (!wanted.has(n.id)) return n;
    const next = patchNode(n, patch);
    if (next !== n) changed = true;
    return next;
  });
  if (!changed) return doc;
  if (patch.output !== undefined && patch.output !== null) nodes = resolveOutputClash(nodes, ids, patch.output);
  return { ...doc, nodes: renumberOutputs(nodes) };
}

/** giving a neuron output index o takes o away from whichever other neuron had it */
function resolveOutputClash(nodes: GraphNode[], ids: readonly string[], output: number): GraphNode[] {
  const mine = new Set(ids);
  return nodes.map((n) => (n.type === 'neuron' && n.output === output && !mine.has(n.id) ? withoutKey(n, 'output') : n));
}

/** output indices must run 0..m-1 without gaps: keep their order, close the gaps */
export function renumberOutputs(nodes: GraphNode[]): GraphNode[] {
  const outputs = nodes
    .filter((n): n is Extract<GraphNode, { type: 'neuron' }> => n.type === 'neuron' && n.output !== undefined)
    .sort((a, b) => a.output! - b.output!);
  const index = new Map(outputs.map((n, i) => [n.id, i]));
  let changed = false;
  const next = nodes.map((n) => {
    const o = index.get(n.id);
    if (o === undefined || n.type !== 'neuron' || n.output === o) return n;
    changed = true;
    return { ...n, output: o };
  });
  return changed ? next : nodes;
}

export function moveNodesIn(doc: GraphDoc, positions: Readonly<Record<string, Position>>): GraphDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions[n.id];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
    if (n.position && n.position.x === p.x && n.position.y === p.y) return n;
    changed = true;
    return { ...n, position: { ...n.position, x: p.x, y: p.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

export function removeFrom(doc: GraphDoc, nodeIds: readonly string[], edgeIds: readonly string[]): GraphDoc {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const nodes = doc.nodes.filter((n) => !goneNodes.has(n.id));
  const edges = doc.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
  if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
  return { ...doc, nodes: renumberOutputs(nodes), edges };
}

/** the edges' weights, and (momentum) their velocities, from these maps by edge id; unchanged edges keep their identity */
export function setWeightsIn(doc: GraphDoc, weights: Readonly<Record<string, number>>, velocities?: Readonly<Record<string, number>>): GraphDoc {
  let changed = false;
  const edges = doc.edges.map((e) => {
    const w = weights[e.id];
    const v = velocities?.[e.id];
    const newWeight = w !== undefined && Number.isFinite(w) && !Object.is(w, e.weight);
    const newVelocity = v !== undefined && Number.isFinite(v) && !Object.is(v, e.velocity ?? 0);
    if (!newWeight && !newVelocity) return e;
    changed = true;
    return { ...e, ...(newWeight ? { weight: w } : {}), ...(newVelocity ? { velocity: v } : {}) };
  });
  return changed ? { ...doc, edges } : doc;
}

export function addEdgeTo(doc: GraphDoc, edge: GraphEdge): GraphDoc {
  return { ...doc, edges: [...doc.edges, edge] };
}

export function withExamples(doc: GraphDoc, examples: Example[]): GraphDoc {
  return { ...doc, dataset: { ...doc.dataset, examples } };
}

export function moveExampleIn(doc: GraphDoc, index: number, x: readonly number[]): GraphDoc {
  const old = doc.dataset.examples[index];
  if (!old || !x.every(Number.isFinite)) return doc;
  if (old.x.length === x.length && old.x.every((v, i) => Object.is(v, x[i]))) return doc;
  const examples = doc.dataset.examples.slice();
  examples[index] = { ...old, x: [...x] };
  return withExamples(doc, examples);
}

export function withDomain(doc: GraphDoc, domain: Domain): GraphDoc {
  return { ...doc, dataset: { ...doc.dataset, domain } };
}

export function withTraining(doc: GraphDoc, patch: Partial<TrainingSettings>): GraphDoc {
  const training = { ...doc.training, ...patch };
  const keys = Object.keys(patch) as (keyof TrainingSettings)[];
  return keys.every((k) => Object.is(doc.training[k], training[k])) ? doc : { ...doc, training };
}
