import { describe, expect, it } from 'vitest';
import { createLayout, needsLayout } from '../../../src/renderer/src/layout/elkLayout';

const layout = createLayout();
import { isCrowded } from '../../../src/renderer/src/layout/nodeBoxes';
import { skipDoc } from '../../../src/renderer/src/templates/skip';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';

describe('automatic layout', () => {
  it('places the graph left to right: sources, then hidden neurons, then the output', async () => {
    const doc = skipDoc({ examples: [] });
    const p = await layout.positions(doc);
    expect(Object.keys(p).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const src of ['in_1', 'in_x', 'in_y']) expect(p[src].x).toBeLessThan(p['1'].x);
    expect(p['1'].x).toBeLessThan(p['2'].x);
    expect(p['2'].x).toBeLessThan(p['3'].x);
  });

  it('lays out a file without positions, and one whose nodes cover each other', async () => {
    const tutorial = tutorial251();
    expect(isCrowded(tutorial)).toBe(true); // its rows are 60 apart, our neurons are taller
    const unplaced = { ...tutorial, nodes: tutorial.nodes.map(({ position: _, ...n }) => n) };
    expect(needsLayout(unplaced)).toBe(true);
    const placed = await layout.laidOut(unplaced);
    expect(placed.nodes.every((n) => n.position && Number.isFinite(n.position.x))).toBe(true);
    expect(needsLayout(placed)).toBe(false);
    expect(placed.edges).toBe(unplaced.edges);
  });

  it('keeps the document’s order within a layer, top to bottom: 1, 2, 3, 4, 5', async () => {
    const tutorial = tutorial251();
    const hidden = ['1', '2', '3', '4', '5'];
    const scrambled = [200, 0, 400, 100, 300]; // neurons dragged about: the layout tidies them into 1…5
    const moved = { ...tutorial, nodes: tutorial.nodes.map((n) => (hidden.includes(n.id) ? { ...n, position: { x: 250, y: scrambled[hidden.indexOf(n.id)] } } : n)) };
    for (const doc of [tutorial, moved, { ...tutorial, nodes: tutorial.nodes.map(({ position: _, ...n }) => n) }]) {
      const p = await layout.positions(doc);
      const ys = hidden.map((id) => p[id].y);
      expect(ys, JSON.stringify(ys)).toEqual([...ys].sort((a, b) => a - b));
      expect(p.in_1.y).toBeLessThan(p.in_x.y);
      expect(p.in_x.y).toBeLessThan(p.in_y.y);
    }
  });
});
