import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, connect, newDocument, undo, updateNodes, useDocument } from '../../../src/renderer/src/store/document';
import { select, useSelection } from '../../../src/renderer/src/store/selection';
import { copySelection, cutSelection, deleteSelection, duplicateSelection, paste } from '../../../src/renderer/src/canvas/clipboard';
import { freeSpot } from '../../../src/renderer/src/canvas/nodeSpecs';

const doc = () => useDocument.getState().doc;

beforeEach(() => {
  newDocument();
  select([]);
});

describe('copy, paste, duplicate, delete', () => {
  it('pastes copies of the selected nodes with the edges among them, offset, selected, never as outputs', () => {
    const a = addNode({ type: 'neuron', activation: 'tanh', position: { x: 200, y: 0 } });
    const b = addNode({ type: 'neuron', activation: 'sigmoid', output: 0, position: { x: 400, y: 0 } });
    connect(a, b);
    connect('in_x', a);
    select([a, b]);
    expect(copySelection()).toBe(true);
    const nodesBefore = doc().nodes.length;
    const edgesBefore = doc().edges.length;
    paste();
    expect(doc().nodes.length).toBe(nodesBefore + 2);
    // a→b is copied (both ends copied); in_x→a and in_1→a, in_1→b are not
    expect(doc().edges.length).toBe(edgesBefore + 1);
    const pasted = useSelection.getState().nodeIds;
    expect(pasted).toHaveLength(2);
    const copies = doc().nodes.filter((n) => pasted.includes(n.id));
    expect(copies.map((n) => n.position)).toEqual([{ x: 240, y: 40 }, { x: 440, y: 40 }]);
    expect(copies.some((n) => n.type === 'neuron' && n.output !== undefined)).toBe(false);
    expect(doc().edges.some((e) => e.source === pasted[0] && e.target === pasted[1])).toBe(true);
    undo();
    expect(doc().nodes.length).toBe(nodesBefore);
  });

  it('duplicates, cuts and deletes the selection as single undoable edits', () => {
    const a = addNode({ type: 'neuron', activation: 'relu', position: { x: 200, y: 0 } });
    select([a]);
    duplicateSelection();
    expect(doc().nodes.filter((n) => n.type === 'neuron')).toHaveLength(2);
    select([a]);
    cutSelection();
    expect(doc().nodes.some((n) => n.id === a)).toBe(false);
    paste();
    expect(doc().nodes.filter((n) => n.type === 'neuron')).toHaveLength(2);
    select(['in_x']);
    deleteSelection();
    expect(doc().nodes.some((n) => n.id === 'in_x')).toBe(false);
    undo();
    expect(doc().nodes.some((n) => n.id === 'in_x')).toBe(true);
  });

  it('changes the activation of several neurons at once', () => {
    const a = addNode({ type: 'neuron', activation: 'sigmoid' });
    const b = addNode({ type: 'neuron', activation: 'relu' });
    updateNodes([a, b, 'in_x'], { activation: 'tanh' });
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
});
