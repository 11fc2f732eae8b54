import { beforeEach, describe, expect, it } from 'vitest';
import {
  addExample,
  addNode,
  connect,
  loadDocument,
  markSaved,
  moveExample,
  moveNodes,
  newDocument,
  redo,
  removeElements,
  selectDirty,
  setAutoBias,
  setEdgeWeight,
  setWeights,
  undo,
  updateNodes,
  useDocument,
  HISTORY_LIMIT,
} from '../../../src/renderer/src/store/document';
import { select, useSelection } from '../../../src/renderer/src/store/selection';

const doc = () => useDocument.getState().doc;
const dirty = () => selectDirty(useDocument.getState());
const edge = (source: string, target: string) => doc().edges.find((e) => e.source === source && e.target === target);

beforeEach(() => {
  newDocument();
  setAutoBias(true);
});

describe('new document', () => {
  it('holds a bias and two inputs bound to features x and y, and is clean', () => {
    expect(doc().nodes.map((n) => [n.id, n.type])).toEqual([
      ['in_1', 'bias'],
      ['in_x', 'input'],
      ['in_y', 'input'],
    ]);
    expect(doc().dataset.features).toEqual(['x', 'y']);
    expect(dirty()).toBe(false);
  });
});

describe('adding and connecting', () => {
  it('numbers new neurons and wires the bias into them with a small finite weight', () => {
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = addNode({ type: 'neuron', activation: 'tanh' });
    expect([a, b]).toEqual(['1', '2']);
    const bias = edge('in_1', a)!;
    expect(bias).toBeDefined();
    expect(Math.abs(bias.weight)).toBeLessThanOrEqual(0.5);
    expect(edge('in_1', b)).toBeDefined();
    expect(dirty()).toBe(true);
  });

  it('does not wire a bias when the setting is off', () => {
    setAutoBias(false);
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(doc().edges.filter((e) => e.target === a)).toEqual([]);
  });

  it('connects and refuses cycles, self-loops, duplicates and edges into inputs, with a reason', () => {
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(connect('in_x', a)).toMatchObject({ ok: true, edgeId: 'in_x->1' });
    expect(connect(a, b).ok).toBe(true);
    const before = doc();
    const cycle = connect(b, a);
    expect(cycle).toEqual({ ok: false, reason: expect.stringContaining('cycle') });
    expect(connect(a, a)).toEqual({ ok: false, reason: expect.stringContaining('itself') });
    expect(connect('in_x', a)).toEqual({ ok: false, reason: expect.stringContaining('already connected') });
    expect(connect(a, 'in_y')).toEqual({ ok: false, reason: expect.stringContaining('input') });
    expect(doc()).toBe(before);
  });

  it('gives the same weights for the same seed', () => {
    newDocument();
    addNode({ type: 'neuron', activation: 'sigmoid' });
    const first = doc().edges.map((e) => e.weight);
    newDocument();
    addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(doc().edges.map((e) => e.weight)).toEqual(first);
  });
});

describe('deleting', () => {
  it('removes a node with every edge touching it, and renumbers outputs without gaps', () => {
    const a = addNode({ type: 'neuron', activation: 'sigmoid', output: 0 });
    const b = addNode({ type: 'neuron', activation: 'sigmoid', output: 1 });
    connect('in_x', a);
    connect('in_x', b);
    removeElements([a], []);
    expect(doc().nodes.find((n) => n.id === a)).toBeUndefined();
    expect(doc().edges.some((e) => e.source === a || e.target === a)).toBe(false);
    expect(doc().nodes.find((n) => n.id === b)).toMatchObject({ output: 0 });
  });

  it('drops deleted ids from the selection', () => {
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    select([a, 'in_x'], [edge('in_1', a)!.id]);
    removeElements([a], []);
    expect(useSelection.getState()).toMatchObject({ nodeIds: ['in_x'], edgeIds: [] });
  });
});

describe('undo and redo', () => {
  it('walks every kind of edit back and forth', () => {
    const start = doc();
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    const afterAdd = doc();
    connect('in_x', a);
    const afterConnect = doc();
    updateNodes([a], { activation: 'relu', label: 'hidden' });
    setEdgeWeight('in_x->1', 0.25);
    addExample({ x: [0.1, 0.2], y: [1] });
    const end = doc();
    for (let i = 0; i < 3; i++) undo();
    expect(doc()).toBe(afterConnect);
    undo();
    expect(doc()).toBe(afterAdd);
    undo();
    expect(doc()).toBe(start);
    expect(undo()).toBe(false);
    for (let i = 0; i < 5; i++) redo();
    expect(doc()).toBe(end);
    expect(redo()).toBe(false);
  });

  it('a new edit after undo drops the redo branch', () => {
    addNode({ type: 'neuron', activation: 'sigmoid' });
    undo();
    addNode({ type: 'bias' });
    expect(redo()).toBe(false);
  });

  it('is clean again when undo returns to the saved document', () => {
    addNode({ type: 'neuron', activation: 'sigmoid' });
    markSaved({ filePath: '/tmp/a.bpgraph.json' });
    expect(dirty()).toBe(false);
    expect(useDocument.getState().fileName).toBe('a.bpgraph.json');
    setEdgeWeight('in_1->1', 2);
    expect(dirty()).toBe(true);
    undo();
    expect(dirty()).toBe(false);
  });

  it('records a drag as one entry, at its end', () => {
    const before = doc();
    moveNodes({ in_x: { x: 10, y: 10 } }, { history: false });
    moveNodes({ in_x: { x: 20, y: 30 } }, { history: false });
    moveNodes({ in_x: { x: 20, y: 30 } }, { history: true });
    expect(useDocument.getState().past).toHaveLength(1);
    undo();
    expect(doc()).toBe(before);
  });

  it('records a training run as one entry when it pauses', () => {
    addNode({ type: 'neuron', activation: 'sigmoid' });
    const before = doc();
    setWeights({ 'in_1->1': 0.1 }, { history: false });
    setWeights({ 'in_1->1': 0.2 }, { history: false });
    expect(dirty()).toBe(true);
    setWeights({ 'in_1->1': 0.3 }, { history: true });
    undo();
    expect(doc()).toBe(before);
  });

  it('makes dataset edits undoable', () => {
    addExample({ x: [0, 0], y: [0] });
    moveExample(0, [0.5, 0.5]);
    expect(doc().dataset.examples[0].x).toEqual([0.5, 0.5]);
    undo();
    expect(doc().dataset.examples[0].x).toEqual([0, 0]);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) setEdgeWeight('missing', i);
    addNode({ type: 'neuron', activation: 'sigmoid' });
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) setEdgeWeight('in_1->1', i);
    expect(useDocument.getState().past.length).toBe(HISTORY_LIMIT);
  });

  it('loading a document clears history and marks it saved', () => {
    addNode({ type: 'neuron', activation: 'sigmoid' });
    const d = doc();
    loadDocument(d, { fileName: 'x.bpgraph.json' });
    expect(dirty()).toBe(false);
    expect(undo()).toBe(false);
  });
});

describe('a document without a file is called by its title', () => {
  it('names the start document and loaded documents after doc.name, and falls back to Untitled', async () => {
    const { fileNameFor, loadDocument, useDocument, emptyDocument } = await import('../../../src/renderer/src/store/document');
    expect(fileNameFor({ ...emptyDocument(), name: 'XOR 2-2-1' })).toBe('XOR 2-2-1.bpgraph.json');
    expect(fileNameFor({ ...emptyDocument(), name: 'a/b: c?' })).toBe('a b c.bpgraph.json');
    expect(fileNameFor(emptyDocument())).toBe('Untitled.bpgraph.json');
    loadDocument({ ...emptyDocument(), name: 'Lesson 3' });
    expect(useDocument.getState().fileName).toBe('Lesson 3.bpgraph.json');
    loadDocument({ ...emptyDocument(), name: 'Lesson 3' }, { filePath: '/tmp/other.bpgraph.json' });
    expect(useDocument.getState().fileName).toBe('other.bpgraph.json');
  });
});

describe('the title of an unnamed document follows its name', () => {
  it('a template renames an unsaved document, undo renames it back; a saved one keeps its file name', async () => {
    const { loadDocument, replaceDocument, undo, markSaved, useDocument, emptyDocument } = await import(
      '../../../src/renderer/src/store/document'
    );
    loadDocument({ ...emptyDocument(), name: 'Scratch' });
    replaceDocument({ ...emptyDocument(), name: 'XOR 2-2-1' }, 'Template: XOR 2-2-1');
    expect(useDocument.getState().fileName).toBe('XOR 2-2-1.bpgraph.json');
    undo();
    expect(useDocument.getState().fileName).toBe('Scratch.bpgraph.json');
    markSaved({ fileName: 'mine.bpgraph.json' });
    replaceDocument({ ...emptyDocument(), name: 'XOR 2-2-1' }, 'Template: XOR 2-2-1');
    expect(useDocument.getState().fileName).toBe('mine.bpgraph.json');
  });
});
