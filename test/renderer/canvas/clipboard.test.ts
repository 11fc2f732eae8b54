import { beforeEach, describe, expect, it } from 'vitest';
import { freeSpot } from '../../../src/renderer/src/canvas/nodeSpecs';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const doc = () => studio.document.getState().doc;

beforeEach(() => {
  studio.document.newDocument();
  studio.selection.select([]);
});

describe('copy, studio.clipboard.paste, duplicate, delete', () => {
  it('cut and paste moves a neuron with its inputs; an input deleted meanwhile stays gone', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid', position: { x: 200, y: 0 } });
    const other = studio.document.addNode({ type: 'neuron', activation: 'sigmoid', position: { x: 200, y: 200 } });
    studio.document.connect('in_x', a);
    studio.document.connect(other, a);
    studio.selection.select([a]);
    studio.clipboard.cutSelection();
    studio.document.removeElements([other], []);
    studio.clipboard.paste();
    const [pasted] = studio.selection.getState().nodeIds;
    const sources = doc().edges.filter((e) => e.target === pasted).map((e) => e.source);
    expect(sources).toContain('in_x');
    expect(sources).not.toContain(other);
  });

  it('pastes copies of the selected nodes with the edges among them and into them, clear of the originals, selected, never as outputs', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'tanh', position: { x: 200, y: 0 } });
    const b = studio.document.addNode({ type: 'neuron', activation: 'sigmoid', output: 0, position: { x: 400, y: 0 } });
    studio.document.connect(a, b);
    studio.document.connect('in_x', a);
    studio.selection.select([a, b]);
    expect(studio.clipboard.copySelection()).toBe(true);
    const nodesBefore = doc().nodes.length;
    const edgesBefore = doc().edges.length;
    studio.clipboard.paste();
    expect(doc().nodes.length).toBe(nodesBefore + 2);
    // a→b (both ends copied) and the edges into the copies from nodes that still exist: in_x→a
    const into = doc().edges.filter((e) => e.target === a || e.target === b).length;
    expect(doc().edges.length).toBe(edgesBefore + into);
    const pasted = studio.selection.getState().nodeIds;
    expect(pasted).toHaveLength(2);
    const copies = doc().nodes.filter((n) => pasted.includes(n.id));
    expect(copies.map((n) => n.position)).toEqual([{ x: 240, y: 110 }, { x: 440, y: 110 }]);
    expect(doc().edges.some((e) => e.source === 'in_x' && e.target === pasted[0])).toBe(true);
    expect(copies.some((n) => n.type === 'neuron' && n.output !== undefined)).toBe(false);
    expect(doc().edges.some((e) => e.source === pasted[0] && e.target === pasted[1])).toBe(true);
    studio.document.undo();
    expect(doc().nodes.length).toBe(nodesBefore);
  });

  it('duplicates, cuts and deletes the selection as single undoable edits', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'relu', position: { x: 200, y: 0 } });
    studio.selection.select([a]);
    studio.clipboard.duplicateSelection();
    expect(doc().nodes.filter((n) => n.type === 'neuron')).toHaveLength(2);
    studio.selection.select([a]);
    studio.clipboard.cutSelection();
    expect(doc().nodes.some((n) => n.id === a)).toBe(false);
    studio.clipboard.paste();
    expect(doc().nodes.filter((n) => n.type === 'neuron')).toHaveLength(2);
    studio.selection.select(['in_x']);
    studio.clipboard.deleteSelection();
    expect(doc().nodes.some((n) => n.id === 'in_x')).toBe(false);
    studio.document.undo();
    expect(doc().nodes.some((n) => n.id === 'in_x')).toBe(true);
  });

  it('changes the activation of several neurons at once', () => {
    const a = studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = studio.document.addNode({ type: 'neuron', activation: 'relu' });
    studio.document.updateNodes([a, b, 'in_x'], { activation: 'tanh' });
    expect(doc().nodes.filter((n) => n.type === 'neuron').map((n) => n.type === 'neuron' && n.activation)).toEqual(['tanh', 'tanh']);
    expect(doc().nodes.find((n) => n.id === 'in_x')).toMatchObject({ type: 'input', feature: 0 });
  });
});

describe('freeSpot', () => {
  it('keeps a free spot and moves off an occupied one', () => {
    const d = doc();
    expect(freeSpot(d, 'neuron', { x: 400, y: 400 })).toEqual({ x: 400, y: 400 });
    const moved = freeSpot(d, 'neuron', { x: 0, y: 120 });
    expect(moved).not.toEqual({ x: 0, y: 120 });
    const clash = d.nodes.some((n) => Math.abs(n.position!.x - moved.x) < 150 && Math.abs(n.position!.y - moved.y) < 84);
    expect(clash).toBe(false);
  });

  it('puts a new neuron right of the inputs, even when asked for a spot on or left of them', () => {
    const d = doc();
    const right = Math.max(...d.nodes.filter((n) => n.type !== 'neuron').map((n) => n.position!.x));
    for (const at of [{ x: 0, y: 60 }, { x: -300, y: 0 }, { x: 40, y: 120 }]) expect(freeSpot(d, 'neuron', at).x).toBeGreaterThan(right + 100);
    expect(freeSpot(d, 'input', { x: -300, y: 0 }).x).toBe(-300); // inputs go where they are put
  });
});
