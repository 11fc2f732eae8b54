import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { testStudio } from '../studio/fakeEnv';

function tutorial() {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return r.doc;
}

describe('the hovered neuron the plot shows', () => {
  it('goes with a neuron deleted under the pointer, and does not come back with Undo', () => {
    const studio = testStudio({ initial: tutorial() });
    studio.hover.setHoveredNode('3');
    studio.selection.select(['3'], []);
    studio.clipboard.deleteSelection();
    expect(studio.hover.getState().hoveredNodeId).toBeNull();
    studio.document.undo();
    expect(studio.document.getState().doc.nodes.some((n) => n.id === '3')).toBe(true);
    expect(studio.hover.getState().hoveredNodeId).toBeNull();
  });

  it('ends when the thumbnail it came from goes, and not when another one does', () => {
    const studio = testStudio({ initial: tutorial() });
    studio.hover.setHoveredNode('3');
    studio.hover.leave('4');
    expect(studio.hover.getState().hoveredNodeId).toBe('3');
    studio.hover.leave('3');
    expect(studio.hover.getState().hoveredNodeId).toBeNull();
  });
});
