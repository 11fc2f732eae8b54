// @vitest-environment happy-dom
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { sameEnds } from '../../../../src/engine';
import { ConnectField } from '../../../../src/renderer/src/panels/inspector/ConnectField';
import { world } from '../../predict/world';

// "Connect to" lists the neurons an edge from this node may reach: a search over the whole graph,
// which on a 2,000-node file is thousands of options. Training rewrites every weight many times a
// second; the list depends on the edges' ends only, so it must not be rebuilt for a weight.

let w = world();
afterEach(() => w.done());

const options = () => [...w.host.querySelectorAll('option')].map((o) => o.value).filter((v) => v !== '');

describe('Connect to', () => {
  it('is not rendered again for training’s weights, and follows a new edge at once', () => {
    w = world();
    let renders = 0;
    w.render(
      <Profiler id="connect" onRender={() => renders++}>
        <ConnectField id="3" />
      </Profiler>,
    );
    const before = options();
    expect(before.length).toBeGreaterThan(0);
    const counted = renders;
    const { edges } = w.studio.document.getState().doc;
    w.act(() => w.studio.document.setWeights(Object.fromEntries(edges.map((e) => [e.id, e.weight + 1])), { history: false }));
    expect(renders).toBe(counted);
    const target = before[0];
    w.act(() => void w.studio.document.connect('3', target));
    expect(options()).not.toContain(target);
  });

  it('compares edges by their ends, not their weights', () => {
    const { edges } = w.studio.document.getState().doc;
    expect(sameEnds(edges, edges.map((e) => ({ ...e, weight: 9 })))).toBe(true);
    expect(sameEnds(edges, edges.slice(1))).toBe(false);
    expect(sameEnds(edges, edges.map((e, i) => (i === 0 ? { ...e, target: 'elsewhere' } : e)))).toBe(false);
    expect(sameEnds(edges, edges.map((e, i) => (i === 0 ? { ...e, source: 'elsewhere' } : e)))).toBe(false);
  });
});
