import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, fileNameFor, selectDirty, HISTORY_LIMIT } from '../../../src/renderer/src/store/document';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const doc = () => studio.document.getState().doc;
const dirty = () => selectDirty(studio.document.getState());
const edge = (source: string, target: string) => doc().edges.find((e) => e.source === source && e.target === target);

beforeEach(() => {
  studio.document.newDocument();
  studio.document.setAutoBias(true);
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
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = studio.document.addNode({ type: 'neuron', activation: 'tanh' });
    expect([a, b]).toEqual(['1', '2']);
    const bias = edge('in_1', a)!;
    expect(bias).toBeDefined();
    expect(Math.abs(bias.weight)).toBeLessThanOrEqual(0.5);
    expect(edge('in_1', b)).toBeDefined();
    expect(dirty()).toBe(true);
  });

  it('does not wire a bias when the setting is off', () => {
    studio.document.setAutoBias(false);
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(doc().edges.filter((e) => e.target === a)).toEqual([]);
  });

  it('connects and refuses cycles, self-loops, duplicates and edges into inputs, with a reason', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(studio.document.connect('in_x', a)).toMatchObject({ ok: true, edgeId: 'in_x->1' });
    expect(studio.document.connect(a, b).ok).toBe(true);
    const before = doc();
    const cycle = studio.document.connect(b, a);
    expect(cycle).toEqual({ ok: false, reason: expect.stringContaining('cycle') });
    expect(studio.document.connect(a, a)).toEqual({ ok: false, reason: expect.stringContaining('itself') });
    expect(studio.document.connect('in_x', a)).toEqual({ ok: false, reason: expect.stringContaining('already connected') });
    expect(studio.document.connect(a, 'in_y')).toEqual({ ok: false, reason: expect.stringContaining('input') });
    expect(doc()).toBe(before);
  });

  it('gives the same weights for the same seed', () => {
    studio.document.newDocument();
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const first = doc().edges.map((e) => e.weight);
    studio.document.newDocument();
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(doc().edges.map((e) => e.weight)).toEqual(first);
  });
});

describe('deleting', () => {
  it('removes a node with every edge touching it, and renumbers outputs without gaps', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid', output: 0 });
    const b = studio.document.addNode({ type: 'neuron', activation: 'sigmoid', output: 1 });
    studio.document.connect('in_x', a);
    studio.document.connect('in_x', b);
    studio.document.removeElements([a], []);
    expect(doc().nodes.find((n) => n.id === a)).toBeUndefined();
    expect(doc().edges.some((e) => e.source === a || e.target === a)).toBe(false);
    expect(doc().nodes.find((n) => n.id === b)).toMatchObject({ output: 0 });
  });

  it('drops deleted ids from the selection', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    studio.selection.select([a, 'in_x'], [edge('in_1', a)!.id]);
    studio.document.removeElements([a], []);
    expect(studio.selection.getState()).toMatchObject({ nodeIds: ['in_x'], edgeIds: [] });
  });
});

describe('undo and studio.document.redo', () => {
  it('walks every kind of edit back and forth', () => {
    const start = doc();
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const afterAdd = doc();
    studio.document.connect('in_x', a);
    const afterConnect = doc();
    studio.document.updateNodes([a], { activation: 'relu', label: 'hidden' });
    studio.document.setEdgeWeight('in_x->1', 0.25);
    studio.document.addExample({ x: [0.1, 0.2], y: [1] });
    const end = doc();
    for (let i = 0; i < 3; i++) studio.document.undo();
    expect(doc()).toBe(afterConnect);
    studio.document.undo();
    expect(doc()).toBe(afterAdd);
    studio.document.undo();
    expect(doc()).toBe(start);
    expect(studio.document.undo()).toBe(false);
    for (let i = 0; i < 5; i++) studio.document.redo();
    expect(doc()).toBe(end);
    expect(studio.document.redo()).toBe(false);
  });

  it('a new edit after studio.document.undo drops the studio.document.redo branch', () => {
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    studio.document.undo();
    studio.document.addNode({ type: 'bias' });
    expect(studio.document.redo()).toBe(false);
  });

  it('is clean again when studio.document.undo returns to the saved document', () => {
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    studio.document.markSaved({ filePath: '/tmp/a.bpgraph.json' });
    expect(dirty()).toBe(false);
    expect(studio.document.getState().fileName).toBe('a.bpgraph.json');
    studio.document.setEdgeWeight('in_1->1', 2);
    expect(dirty()).toBe(true);
    studio.document.undo();
    expect(dirty()).toBe(false);
  });

  it('records a drag as one entry, at its end', () => {
    const before = doc();
    studio.document.moveNodes({ in_x: { x: 10, y: 10 } }, { history: false });
    studio.document.moveNodes({ in_x: { x: 20, y: 30 } }, { history: false });
    studio.document.moveNodes({ in_x: { x: 20, y: 30 } }, { history: true });
    expect(studio.document.getState().past).toHaveLength(1);
    studio.document.undo();
    expect(doc()).toBe(before);
  });

  it('records a training run as one entry when it pauses', () => {
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const before = doc();
    studio.document.setWeights({ 'in_1->1': 0.1 }, { history: false });
    studio.document.setWeights({ 'in_1->1': 0.2 }, { history: false });
    expect(dirty()).toBe(true);
    studio.document.setWeights({ 'in_1->1': 0.3 }, { history: true });
    studio.document.undo();
    expect(doc()).toBe(before);
  });

  it('makes dataset edits undoable', () => {
    studio.document.addExample({ x: [0, 0], y: [0] });
    studio.document.moveExample(0, [0.5, 0.5]);
    expect(doc().dataset.examples[0].x).toEqual([0.5, 0.5]);
    studio.document.undo();
    expect(doc().dataset.examples[0].x).toEqual([0, 0]);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) studio.document.setEdgeWeight('missing', i);
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) studio.document.setEdgeWeight('in_1->1', i);
    expect(studio.document.getState().past.length).toBe(HISTORY_LIMIT);
  });

  it('loading a document clears history and marks it saved', () => {
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const d = doc();
    studio.document.loadDocument(d, { fileName: 'x.bpgraph.json' });
    expect(dirty()).toBe(false);
    expect(studio.document.undo()).toBe(false);
  });
});

describe('a document without a file is called by its title', () => {
  it('names the start document and loaded documents after doc.name, and falls back to Untitled', async () => {
    expect(fileNameFor({ ...emptyDocument(), name: 'XOR 2-2-1' })).toBe('XOR 2-2-1.bpgraph.json');
    expect(fileNameFor({ ...emptyDocument(), name: 'a/b: c?' })).toBe('a b c.bpgraph.json');
    expect(fileNameFor(emptyDocument())).toBe('Untitled.bpgraph.json');
    studio.document.loadDocument({ ...emptyDocument(), name: 'Lesson 3' });
    expect(studio.document.getState().fileName).toBe('Lesson 3.bpgraph.json');
    studio.document.loadDocument({ ...emptyDocument(), name: 'Lesson 3' }, { filePath: '/tmp/other.bpgraph.json' });
    expect(studio.document.getState().fileName).toBe('other.bpgraph.json');
  });
});

describe('the title of an unnamed document follows its name', () => {
  it('a template renames an unsaved document, undo renames it back; a saved one keeps its file name', async () => {
    studio.document.loadDocument({ ...emptyDocument(), name: 'Scratch' });
    studio.document.replaceDocument({ ...emptyDocument(), name: 'XOR 2-2-1' }, 'Template: XOR 2-2-1');
    expect(studio.document.getState().fileName).toBe('XOR 2-2-1.bpgraph.json');
    studio.document.undo();
    expect(studio.document.getState().fileName).toBe('Scratch.bpgraph.json');
    studio.document.markSaved({ fileName: 'mine.bpgraph.json' });
    studio.document.replaceDocument({ ...emptyDocument(), name: 'XOR 2-2-1' }, 'Template: XOR 2-2-1');
    expect(studio.document.getState().fileName).toBe('mine.bpgraph.json');
  });

  it('opening an untitled document tells its listeners once, each seeing the old document as prev', () => {
    const seen: [string | undefined, string | undefined][] = [];
    const stop = studio.document.subscribe((s, prev) => seen.push([prev.doc.name, s.doc.name]));
    studio.document.loadDocument({ ...emptyDocument(), name: 'Lesson 3' });
    stop();
    expect(seen).toEqual([[emptyDocument().name, 'Lesson 3']]);
    expect(studio.document.getState().fileName).toBe('Lesson 3.bpgraph.json');
  });
});
