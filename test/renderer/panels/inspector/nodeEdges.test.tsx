// @vitest-environment happy-dom
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Inspector } from '../../../../src/renderer/src/panels/Inspector';
import { NodeEdges } from '../../../../src/renderer/src/panels/inspector/NodeEdges';
import { world } from '../../predict/world';

// Every weight is reached with the keyboard on any graph: a selected node's inspector lists its
// edges in and out as buttons that select the edge, and an edge's inspector names its two ends as
// buttons that select the node. (A big graph's edges are painted on a canvas, not Tab stops.)

let w = world();
afterEach(() => w.done());

const button = (name: string) => {
  const found = [...w.host.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button "${name}"; there are: ${[...w.host.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')).join(', ')}`);
  return found;
};

describe('a node’s edges in the inspector', () => {
  it('lists hidden neuron 3’s edges in (bias and both inputs) and out (to the output), and a button selects each', () => {
    w = world();
    w.render(<Inspector />);
    w.act(() => w.studio.selection.select(['3']));
    const groups = [...w.host.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'));
    expect(groups).toEqual(['Edges in, from (3)', 'Edges out, to (1)']);
    w.act(() => button('Select edge in_1 → 3').click());
    expect(w.studio.selection.getState()).toMatchObject({ nodeIds: [], edgeIds: ['in_1->3'] });
    // the edge's inspector: back to either end
    w.act(() => button('Select node 3').click());
    expect(w.studio.selection.getState()).toMatchObject({ nodeIds: ['3'], edgeIds: [] });
    w.act(() => button('Select edge 3 → 6').click());
    w.act(() => button('Select node 6').click());
    expect(w.studio.selection.getState().nodeIds).toEqual(['6']);
  });

  it('is not rendered again for training’s weights, and follows a new edge at once', () => {
    w = world();
    let renders = 0;
    w.render(
      <Profiler id="edges" onRender={() => renders++}>
        <NodeEdges id="3" />
      </Profiler>,
    );
    const counted = renders;
    const { edges } = w.studio.document.getState().doc;
    w.act(() => w.studio.document.setWeights(Object.fromEntries(edges.map((e) => [e.id, e.weight + 1])), { history: false }));
    expect(renders).toBe(counted);
    w.act(() => void w.studio.document.connect('3', '4'));
    expect(button('Select edge 3 → 4')).toBeTruthy();
  });
});
