// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowEdge } from '../../../src/renderer/src/canvas/flowTypes';
import { FIRST_EDGE_BATCH, useStagedEdges } from '../../../src/renderer/src/canvas/useStagedEdges';
import { world } from '../predict/world';

// A big graph's edges reach React Flow in batches after its nodes when many arrive at once: the
// frame that shows a just-opened 2,000-node file's nodes carries none of its 10,000 edges, each
// frame after hands over twice as many, and an edit of a few edges goes straight through.

const edges = (count: number, tag = 'e'): FlowEdge[] => Array.from({ length: count }, (_, i) => ({ id: `${tag}${i}`, source: 'a', target: 'b', type: 'weight' }));

let w = world();
afterEach(() => w.done());

/** `staged` as the canvas decides it: a big graph (over 600 edges), or never */
function probe(initial: FlowEdge[], staged: boolean) {
  w = world();
  const handed: number[] = [];
  let set: (edges: FlowEdge[]) => void = () => undefined;
  function Probe() {
    const [now, setNow] = useState(initial);
    set = setNow;
    handed.push(useStagedEdges(now, staged && now.length > 600, w.studio.env).length);
    return null;
  }
  w.render(<Probe />);
  /** the frame shows what was handed, then the first task after it hands over the next batch */
  const frame = () => w.act(() => (w.studio.fake.clock.frame(), w.studio.fake.clock.render()));
  return { handed, frame, give: (next: FlowEdge[]) => w.act(() => set(next)) };
}

describe('useStagedEdges', () => {
  it('hands a just-opened big graph’s edges over after its nodes’ frame, doubling each frame', () => {
    const { handed, frame, give } = probe(edges(9, 'old'), true);
    expect(handed.at(-1)).toBe(9);
    give(edges(10_000));
    expect(handed.at(-1)).toBe(9); // the nodes' frame: no more edges than before
    const batches: number[] = [];
    for (let i = 0; i < 20 && handed.at(-1)! < 10_000; i++) {
      frame();
      batches.push(handed.at(-1)!);
    }
    expect(batches[0]).toBe(FIRST_EDGE_BATCH);
    expect(batches[1]).toBe(2 * FIRST_EDGE_BATCH);
    expect(batches.at(-1)).toBe(10_000);
    expect(batches.length).toBeLessThanOrEqual(6); // 500, 1,000, 2,000, 4,000, 8,000, all
    frame();
    expect(handed.at(-1)).toBe(10_000); // and then it stays
  });

  it('hands an edit of a few edges over at once', () => {
    const { handed, give } = probe(edges(10_000), true);
    let frameCount = 0;
    while (handed.at(-1)! < 10_000 && frameCount++ < 20) w.act(() => (w.studio.fake.clock.frame(), w.studio.fake.clock.render()));
    give(edges(10_003));
    expect(handed.at(-1)).toBe(10_003);
  });

  it('passes a small graph’s edges straight through', () => {
    const { handed, give } = probe(edges(9), false);
    give(edges(5_000));
    expect(handed.at(-1)).toBe(5_000);
  });
});
