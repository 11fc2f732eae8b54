import { create } from 'zustand';
import { connectionProblem } from '../../../engine/connection';
import {
  DEFAULT_TRAINING,
  type Domain,
  type Example,
  type GraphDoc,
  type GraphEdge,
  type GraphNode,
  type Position,
  type TrainingSettings,
} from '../../../engine/format/types';
import {
  addEdgeTo,
  moveExampleIn,
  moveNodesIn,
  removeFrom,
  renumberOutputs,
  setWeightsIn,
  updateNodesIn,
  withDomain,
  withExamples,
  withTraining,
  type NewNode,
  type NodePatch,
} from './docEdits';
import { newEdgeId, newNodeId } from './ids';
import { createWeightSource, type WeightSource } from './weightSource';
import { tutorialPerceptron } from '../templates/tutorial';

export type { NewNode, NodePatch } from './docEdits';

// The ONE store for the document (docs/architecture.md): the GraphDoc, its undo history, the
// file it came from, and whether it has unsaved changes. Every edit is an action below; every
// action but the "no history" ones pushes one undo entry holding the previous document.

export const HISTORY_LIMIT = 200;
export const UNTITLED = 'Untitled.bpgraph.json';

export interface HistoryEntry {
  doc: GraphDoc;
  revision: number;
  /** what the edit after this snapshot did, e.g. "Connect in_x → 1" */
  label: string;
}

export interface DocumentState {
  doc: GraphDoc;
  filePath: string | null;
  fileName: string;
  /** the file name was chosen (opened or saved); until then it follows the document's title */
  named: boolean;
  /** identifies the document's content: a fresh number per edit, restored by undo/redo */
  revision: number;
  savedRevision: number;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  /** wire a bias node into every new neuron (a user setting, not part of the document) */
  autoBias: boolean;
}

export type HistoryOption = { history: boolean };
export type ConnectResult = { ok: true; edgeId: string } | { ok: false; reason: string };

/** a bias `in_1`, inputs `in_x` and `in_y` bound to features 0 and 1, no examples */
export function emptyDocument(): GraphDoc {
  return {
    name: 'Untitled',
    nodes: [
      { id: 'in_1', type: 'bias', label: '1', position: { x: 0, y: 0 } },
      { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: 120 } },
      { id: 'in_y', type: 'input', feature: 1, position: { x: 0, y: 240 } },
    ],
    edges: [],
    dataset: { features: ['x', 'y'], targets: ['class'], examples: [] },
    training: { ...DEFAULT_TRAINING },
  };
}

let revisionCounter = 0;
const freshRevision = (): number => ++revisionCounter;

/**
 * The snapshot to return to when a "no history" run of edits (a drag, training) is followed by
 * one that records history: the document as it was before the run began.
 */
let pendingBase: HistoryEntry | null = null;

const AUTO_BIAS_KEY = 'backprop-studio.autoBias';

/** the auto-bias setting outlives the window (localStorage, where there is one) */
function readAutoBias(): boolean {
  try {
    return globalThis.localStorage?.getItem(AUTO_BIAS_KEY) !== 'false';
  } catch {
    return true;
  }
}

/** the app opens on the tutorial's single perceptron with its points, so there is something alive to look at */
function startDocument(): GraphDoc {
  try {
    return tutorialPerceptron();
  } catch {
    return emptyDocument();
  }
}

const initialDoc = startDocument();
let weights: WeightSource = createWeightSource(initialDoc.training.seed);
const initialRevision = freshRevision();
export const useDocument = create<DocumentState>(() => ({
  doc: initialDoc,
  filePath: null,
  fileName: fileNameFor(initialDoc),
  named: false,
  revision: initialRevision,
  savedRevision: initialRevision,
  past: [],
  future: [],
  autoBias: readAutoBias(),
}));

// An unnamed document is called by its title, whichever edit (a template, undo) changes it.
useDocument.subscribe((s, prev) => {
  if (!s.named && s.doc.name !== prev.doc.name) useDocument.setState({ fileName: fileNameFor(s.doc) });
});

export const selectDirty = (s: Pick<DocumentState, 'revision' | 'savedRevision'>): boolean =>
  s.revision !== s.savedRevision;

/** apply `edit`; unless it changed nothing, record one undo entry (or none, for history: false) */
function commit(label: string, edit: (doc: GraphDoc) => GraphDoc, opts: HistoryOption = { history: true }): boolean {
  const s = useDocument.getState();
  const next = edit(s.doc);
  if (next === s.doc) {
    if (opts.history) flushPending(label);
    return false;
  }
  const current: HistoryEntry = { doc: s.doc, revision: s.revision, label };
  if (!opts.history) {
    pendingBase ??= current;
    useDocument.setState({ doc: next, revision: freshRevision() });
    return true;
  }
  const base = pendingBase ? { ...pendingBase, label } : current;
  pendingBase = null;
  useDocument.setState({
    doc: next,
    revision: freshRevision(),
    past: [...s.past, base].slice(-HISTORY_LIMIT),
    future: [],
  });
  return true;
}

/** a run of no-history edits ended with a history edit that changed nothing more: record the run */
function flushPending(label: string): void {
  if (!pendingBase) return;
  const s = useDocument.getState();
  const base = { ...pendingBase, label };
  pendingBase = null;
  useDocument.setState({ past: [...s.past, base].slice(-HISTORY_LIMIT), future: [] });
}

// ---- file identity --------------------------------------------------------------------------

export function loadDocument(doc: GraphDoc, opts: { filePath?: string | null; fileName?: string } = {}): void {
  const revision = freshRevision();
  pendingBase = null;
  weights = createWeightSource(doc.training.seed);
  useDocument.setState({
    doc,
    filePath: opts.filePath ?? null,
    fileName: opts.fileName ?? (opts.filePath ? baseName(opts.filePath) : fileNameFor(doc)),
    named: opts.fileName !== undefined || Boolean(opts.filePath),
    revision,
    savedRevision: revision,
    past: [],
    future: [],
  });
}

export function newDocument(): void {
  loadDocument(emptyDocument());
}

export function markSaved(opts: { filePath?: string | null; fileName?: string } = {}): void {
  useDocument.setState((s) => ({
    savedRevision: s.revision,
    filePath: opts.filePath !== undefined ? opts.filePath : s.filePath,
    fileName: opts.fileName ?? (opts.filePath ? baseName(opts.filePath) : s.fileName),
    named: true,
  }));
}

/** a document that has no file yet is called by its title: "XOR 2-2-1.bpgraph.json" */
export function fileNameFor(doc: GraphDoc): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const title = (doc.name ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return title && title !== 'Untitled' ? `${title}.bpgraph.json` : UNTITLED;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || UNTITLED;
}

export function setAutoBias(on: boolean): void {
  useDocument.setState({ autoBias: on });
  try {
    globalThis.localStorage?.setItem(AUTO_BIAS_KEY, String(on));
  } catch {
    /* storage unavailable: the setting lasts for this window */
  }
}

// ---- graph edits ----------------------------------------------------------------------------

/** the edge source → target with a fresh id and a small random weight from the document's generator */
function makeEdge(doc: GraphDoc, source: string, target: string, taken?: Set<string>): GraphEdge {
  const ids = taken ?? new Set(doc.edges.map((e) => e.id));
  const id = newEdgeId(ids, source, target);
  ids.add(id);
  return { id, source, target, weight: weights.next() };
}

/** adds a node (id chosen unless given and free); a new neuron gets an edge from the first bias node */
export function addNode(node: NewNode): string {
  const { doc, autoBias } = useDocument.getState();
  const taken = new Set(doc.nodes.map((n) => n.id));
  const id = node.id !== undefined && node.id !== '' && !taken.has(node.id) ? node.id : newNodeId(doc, node);
  const full = { ...node, id } as GraphNode;
  const label = node.type === 'neuron' ? 'Add neuron' : node.type === 'bias' ? 'Add bias' : 'Add input';
  commit(label, (d) => {
    let next: GraphDoc = { ...d, nodes: renumberOutputs([...d.nodes, full]) };
    const bias = d.nodes.find((n) => n.type === 'bias');
    if (autoBias && full.type === 'neuron' && bias) next = addEdgeTo(next, makeEdge(next, bias.id, id));
    return next;
  });
  return id;
}

/**
 * Inserts ready-made nodes and edges (paste, duplicate, templates merged into a graph). Ids that
 * clash are renamed; edges follow their nodes' new ids. Returns the ids as inserted.
 */
export function insertElements(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  label = 'Paste',
): { nodeIds: string[]; edgeIds: string[] } {
  const { doc } = useDocument.getState();
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const added: GraphNode[] = nodes.map((n) => {
    const id = taken.has(n.id) ? newNodeId(doc, n, taken) : n.id;
    taken.add(id);
    rename.set(n.id, id);
    return { ...n, id };
  });
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const addedEdges: GraphEdge[] = [];
  for (const e of edges) {
    const source = rename.get(e.source) ?? e.source;
    const target = rename.get(e.target) ?? e.target;
    const id = newEdgeId(edgeIds, source, target);
    edgeIds.add(id);
    addedEdges.push({ ...e, id, source, target });
  }
  commit(label, (d) => ({ ...d, nodes: renumberOutputs([...d.nodes, ...added]), edges: [...d.edges, ...addedEdges] }));
  return { nodeIds: added.map((n) => n.id), edgeIds: addedEdges.map((e) => e.id) };
}

export function updateNodes(ids: readonly string[], patch: NodePatch): void {
  commit('Edit node', (d) => updateNodesIn(d, ids, patch));
}

/** history: false while dragging; history: true once at drag end (one undo entry per drag) */
export function moveNodes(positions: Readonly<Record<string, Position>>, opts: HistoryOption = { history: true }): void {
  commit('Move', (d) => moveNodesIn(d, positions), opts);
}

export function connect(source: string, target: string): ConnectResult {
  const { doc } = useDocument.getState();
  const reason = connectionProblem(doc, source, target);
  if (reason !== null) return { ok: false, reason };
  const edge = makeEdge(doc, source, target);
  commit(`Connect ${source} → ${target}`, (d) => addEdgeTo(d, edge));
  return { ok: true, edgeId: edge.id };
}

/** removes the nodes (with every edge touching them) and the edges */
export function removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void {
  commit('Delete', (d) => removeFrom(d, nodeIds, edgeIds));
}

export function setEdgeWeight(edgeId: string, w: number): void {
  if (!Number.isFinite(w)) return;
  commit('Set weight', (d) => setWeightsIn(d, { [edgeId]: w }));
}

/** training writes here with history: false, then once with history: true when it pauses */
export function setWeights(values: Readonly<Record<string, number>>, opts: HistoryOption = { history: true }): void {
  commit('Train', (d) => setWeightsIn(d, values), opts);
}

/** replaces the whole graph (a template, an automatic layout) as one undoable edit */
export function replaceDocument(doc: GraphDoc, label: string): void {
  commit(label, () => doc);
  weights = createWeightSource(doc.training.seed);
}

// ---- dataset and settings -------------------------------------------------------------------

export function setExamples(examples: Example[], label = 'Set data'): void {
  commit(label, (d) => withExamples(d, examples));
}

export function addExample(ex: Example): void {
  commit('Add point', (d) => withExamples(d, [...d.dataset.examples, ex]));
}

/** history: false while a point is dragged; true (the default) at drag end */
export function moveExample(index: number, x: readonly number[], opts: HistoryOption = { history: true }): void {
  commit('Move point', (d) => moveExampleIn(d, index, x), opts);
}

export function removeExample(index: number): void {
  commit('Remove point', (d) =>
    index >= 0 && index < d.dataset.examples.length
      ? withExamples(d, d.dataset.examples.filter((_, i) => i !== index))
      : d,
  );
}

export function setDomain(domain: Domain): void {
  commit('Set domain', (d) => withDomain(d, domain));
}

export function setTraining(patch: Partial<TrainingSettings>, opts: HistoryOption = { history: true }): void {
  commit('Training settings', (d) => withTraining(d, patch), opts);
}

// ---- undo / redo ----------------------------------------------------------------------------

export function undo(): boolean {
  flushPending('Edit');
  const s = useDocument.getState();
  const entry = s.past[s.past.length - 1];
  if (!entry) return false;
  useDocument.setState({
    doc: entry.doc,
    revision: entry.revision,
    past: s.past.slice(0, -1),
    future: [{ doc: s.doc, revision: s.revision, label: entry.label }, ...s.future],
  });
  return true;
}

export function redo(): boolean {
  flushPending('Edit');
  const s = useDocument.getState();
  const entry = s.future[0];
  if (!entry) return false;
  useDocument.setState({
    doc: entry.doc,
    revision: entry.revision,
    past: [...s.past, { doc: s.doc, revision: s.revision, label: entry.label }].slice(-HISTORY_LIMIT),
    future: s.future.slice(1),
  });
  return true;
}

export const selectCanUndo = (s: DocumentState): boolean => s.past.length > 0;
export const selectCanRedo = (s: DocumentState): boolean => s.future.length > 0;
