import { describe, expect, it } from 'vitest';
import { dragTo, endDrag, useDragPositions } from '../../../src/renderer/src/canvas/dragPositions';

describe('drag positions (a drag lives on the canvas until the drop)', () => {
  it('keeps the latest position of every dragged node, and hands them all over at the drop', () => {
    dragTo({ a: { x: 10, y: 20 } });
    dragTo({ b: { x: 1, y: 2 } });
    dragTo({ a: { x: 30, y: 40 } });
    expect(useDragPositions.getState().positions).toEqual({ a: { x: 30, y: 40 }, b: { x: 1, y: 2 } });
    expect(endDrag({ b: { x: 5, y: 6 } })).toEqual({ a: { x: 30, y: 40 }, b: { x: 5, y: 6 } });
    expect(useDragPositions.getState().positions).toEqual({});
  });
});
