import { describe, expect, it, beforeEach } from 'vitest';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

describe('drag positions (a drag lives on the canvas until the drop)', () => {
  it('keeps the latest position of every dragged node, and hands them all over at the drop', () => {
    studio.drag.dragTo({ a: { x: 10, y: 20 } });
    studio.drag.dragTo({ b: { x: 1, y: 2 } });
    studio.drag.dragTo({ a: { x: 30, y: 40 } });
    expect(studio.drag.getState().positions).toEqual({ a: { x: 30, y: 40 }, b: { x: 1, y: 2 } });
    expect(studio.drag.endDrag({ b: { x: 5, y: 6 } })).toEqual({ a: { x: 30, y: 40 }, b: { x: 5, y: 6 } });
    expect(studio.drag.getState().positions).toEqual({});
  });
});
