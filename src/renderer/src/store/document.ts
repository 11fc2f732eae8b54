import { createStore, type StoreApi } from 'zustand/vanilla';
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
  withOff,
  withExamples,
  withTraining,
  type NewNode,
  type NodePatch,
} from './docEdits';
import { newEdgeId, newNodeId } from './ids';
import { createWeightSource, type WeightSource } from './weightSource';

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

/**
 * Checks every edit before it is made (a lesson's locks, lesson/service.ts): `check` gives the
 * sentence refusing the change from `before` to `after`, or null; `refused` hears it (connect
 * returns it instead). Training's weights are never checked.
 */
export interface EditGuard {
  check(before: GraphDoc, after: GraphDoc): string | null;
  refused(reason: string): void;
}
export type ConnectResult = { ok: true; edgeId: string } | { ok: false; reason: string };

/** a bias `in_1`, inputs `in_x` and `in_y` bound to features 0 and 1, no examples */
export function emptyDocument(): GraphDoc {
  return {
    name: 'Untitled',
    nodes: [
      { id: 'in_1', type: 'bias', label: 'in_1', position: { x: 0, y: 0 } },
      { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: 120 } },
      { id: 'in_y', type: 'input', feature: 1, position: { x: 0, y: 240 } },
    ],
    edges: [],
    dataset: { features: ['x', 'y'], targets: ['class'], examples: [] },
    training: { ...DEFAULT_TRAINING },
  };
}

/** loadDocument/newDocument: no undo history, nothing unsaved */
export const isFreshDocument = (s: Pick<DocumentState, 'past' | 'future' | 'revision' | 'savedRevision'>): boolean =>
  s.past.length === 0 && s.future.length === 0 && s.revision === s.savedRevision;

export const selectDirty = (s: Pick<DocumentState, 'revision' | 'savedRevision'>): boolean =>
  s.revision !== s.savedRevision;

/** a document that has no file yet is called by its title: "XOR 2-2-1.bpgraph.json" */
export function fileNameFor(doc: GraphDoc): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const title = (doc.name ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return title && title !== 'Untitled' ? `${title}.bpgraph.json` : UNTITLED;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || UNTITLED;
}

const AUTO_BIAS_KEY = 'backprop-studio.autoBias';

export interface DocumentDeps {
  /** the document the window opens on */
  initial: GraphDoc;
  /** where the auto-bias setting outlives the window (localStorage), or null */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** the auto-bias setting outlives the window (localStorage, where there is one) */
function readAutoBias(storage: DocumentDeps['storage']): boolean {
  try {
    return storage?.getItem(AUTO_BIAS_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function createDocumentStore(deps: DocumentDeps) {
  let revisionCounter = 0;
  const freshRevision = (): number => ++revisionCounter;
  /**
   * The snapshot to return to when a "no history" run of edits (a drag, training) is followed by
   * one that records history: the document as it was before the run began.
   */
  let pendingBase: HistoryEntry | null = null;
  let guard: EditGuard | null = null;

  let weights: WeightSource = createWeightSource(deps.initial.training.seed);
  const initialRevision = freshRevision();
  const store: StoreApi<DocumentState> = createStore<DocumentState>(() => ({
    doc: deps.initial,
    filePath: null,
    fileName: fileNameFor(deps.initial),
    named: false,
    revision: initialRevision,
    savedRevision: initialRevision,
    past: [],
    future: [],
    autoBias: readAutoBias(deps.storage),
  }));

  // An unnamed document is called by its title, whichever edit (a template, undo) changes it. Only
  // when the name differs: a nested setState would tell every listener again, the first time with
  // prev already the new document.
  store.subscribe((s, prev) => {
    if (s.named || s.doc.name === prev.doc.name) return;
    const fileName = fileNameFor(s.doc);
    if (fileName !== s.fileName) store.setState({ fileName });
  });

  /** apply `edit`; unless it changed nothing, record one undo entry (or none, for history: false) */
  function commit(label: string, edit: (doc: GraphDoc) => GraphDoc, opts: HistoryOption & { trained?: boolean } = { history: true }): boolean {
    const s = store.getState();
    const next = edit(s.doc);
    if (next === s.doc) {
      if (opts.history) flushPending(label);
      return false;
    }
    const refusal = opts.trained ? null : (guard?.check(s.doc, next) ?? null);
    if (refusal !== null) {
      guard?.refused(refusal);
      return false;
    }
    const current: HistoryEntry = { doc: s.doc, revision: s.revision, label };
    if (!opts.history) {
      pendingBase ??= current;
      store.setState({ doc: next, revision: freshRevision() });
      return true;
    }
    const base = pendingBase ? { ...pendingBase, label } : current;
    pendingBase = null;
    store.setState({
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
    const s = store.getState();
    const base = { ...pendingBase, label };
    pendingBase = null;
    store.setState({ past: [...s.past, base].slice(-HISTORY_LIMIT), future: [] });
  }

  // ---- file identity --------------------------------------------------------------------------

  function loadDocument(doc: GraphDoc, opts: { filePath?: string | null; fileName?: string } = {}): void {
    const revision = freshRevision();
    pendingBase = null;
    weights = createWeightSource(doc.training.seed);
    store.setState({
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

  function newDocument(): void {
    loadDocument(emptyDocument());
  }

  function markSaved(opts: { filePath?: string | null; fileName?: string } = {}): void {
    store.setState((s) => ({
      savedRevision: s.revision,
      filePath: opts.filePath !== undefined ? opts.filePath : s.filePath,
      fileName: opts.fileName ?? (opts.filePath ? baseName(opts.filePath) : s.fileName),
      named: true,
    }));
  }

  function setAutoBias(on: boolean): void {
    store.setState({ autoBias: on });
    try {
      deps.storage?.setItem(AUTO_BIAS_KEY, String(on));
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
  function addNode(node: NewNode): string {
    const { doc, autoBias } = store.getState();
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
  function insertElements(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    label = 'Paste',
  ): { nodeIds: string[]; edgeIds: string[] } {
    const { doc } = store.getState();
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

  function updateNodes(ids: readonly string[], patch: NodePatch): void {
    commit('Edit node', (d) => updateNodesIn(d, ids, patch));
  }

  /** ablation: nodes and edges off (or back on) without deleting them, as one undo step */
  function setOff(nodeIds: readonly string[], edgeIds: readonly string[], off: boolean): void {
    commit(off ? 'Switch off' : 'Switch on', (d) => withOff(d, nodeIds, edgeIds, off));
  }

  /** history: false while dragging; history: true once at drag end (one undo entry per drag) */
  function moveNodes(positions: Readonly<Record<string, Position>>, opts: HistoryOption = { history: true }): void {
    commit('Move', (d) => moveNodesIn(d, positions), opts);
  }

  function connect(source: string, target: string): ConnectResult {
    const { doc } = store.getState();
    const reason = connectionProblem(doc, source, target) ?? guard?.check(doc, addEdgeTo(doc, { id: '', source, target, weight: 0 })) ?? null;
    if (reason !== null) return { ok: false, reason };
    const edge = makeEdge(doc, source, target);
    commit(`Connect ${source} → ${target}`, (d) => addEdgeTo(d, edge));
    return { ok: true, edgeId: edge.id };
  }

  /** removes the nodes (with every edge touching them) and the edges */
  function removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    commit('Delete', (d) => removeFrom(d, nodeIds, edgeIds));
  }

  function setEdgeWeight(edgeId: string, w: number): void {
    if (!Number.isFinite(w)) return;
    commit('Set weight', (d) => setWeightsIn(d, { [edgeId]: w }));
  }

  /** training writes here with history: false, then once with history: true when it pauses (weights and momentum's velocities together) */
  function setWeights(values: Readonly<Record<string, number>>, opts: HistoryOption = { history: true }, velocities?: Readonly<Record<string, number>>): void {
    commit('Train', (d) => setWeightsIn(d, values, velocities), { ...opts, trained: true });
  }

  /** replaces the whole graph (a template, an automatic layout) as one undoable edit */
  function replaceDocument(doc: GraphDoc, label: string): void {
    commit(label, () => doc);
    weights = createWeightSource(doc.training.seed);
  }

  // ---- dataset and settings -------------------------------------------------------------------

  function setExamples(examples: Example[], label = 'Set data'): void {
    commit(label, (d) => withExamples(d, examples));
  }

  function addExample(ex: Example): void {
    commit('Add point', (d) => withExamples(d, [...d.dataset.examples, ex]));
  }

  /** history: false while a point is dragged; true (the default) at drag end */
  function moveExample(index: number, x: readonly number[], opts: HistoryOption = { history: true }): void {
    commit('Move point', (d) => moveExampleIn(d, index, x), opts);
  }

  function removeExample(index: number): void {
    commit('Remove point', (d) =>
      index >= 0 && index < d.dataset.examples.length
        ? withExamples(d, d.dataset.examples.filter((_, i) => i !== index))
        : d,
    );
  }

  function setDomain(domain: Domain): void {
    commit('Set domain', (d) => withDomain(d, domain));
  }

  function setTraining(patch: Partial<TrainingSettings>, opts: HistoryOption = { history: true }): void {
    commit('Training settings', (d) => withTraining(d, patch), opts);
  }

  // ---- undo / redo ----------------------------------------------------------------------------

  function undo(): boolean {
    flushPending('Edit');
    const s = store.getState();
    const entry = s.past[s.past.length - 1];
    if (!entry) return false;
    store.setState({
      doc: entry.doc,
      revision: entry.revision,
      past: s.past.slice(0, -1),
      future: [{ doc: s.doc, revision: s.revision, label: entry.label }, ...s.future],
    });
    return true;
  }

  function redo(): boolean {
    flushPending('Edit');
    const s = store.getState();
    const entry = s.future[0];
    if (!entry) return false;
    store.setState({
      doc: entry.doc,
      revision: entry.revision,
      past: [...s.past, { doc: s.doc, revision: s.revision, label: entry.label }].slice(-HISTORY_LIMIT),
      future: s.future.slice(1),
    });
    return true;
  }


  /** every later edit is checked by `next` (null: none is) */
  function setEditGuard(next: EditGuard | null): void {
    guard = next;
  }

  return Object.assign(store, {
    setEditGuard,
    loadDocument,
    newDocument,
    markSaved,
    setAutoBias,
    addNode,
    insertElements,
    updateNodes,
    setOff,
    moveNodes,
    connect,
    removeElements,
    setEdgeWeight,
    setWeights,
    replaceDocument,
    setExamples,
    addExample,
    moveExample,
    removeExample,
    setDomain,
    setTraining,
    undo,
    redo,
  });
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

export const selectCanUndo = (s: DocumentState): boolean => s.past.length > 0;
export const selectCanRedo = (s: DocumentState): boolean => s.future.length > 0;
