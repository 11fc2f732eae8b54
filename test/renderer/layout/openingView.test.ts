import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../src/engine';
import { graphBounds, OPENING_VIEW, openingViewport } from '../../../src/renderer/src/layout/openingView';

// The view a document opens in: fitted whole when it fits the canvas's zoom range, else a readable
// zoom on its top-left corner (where its inputs are).

const neuron = (i: number, x: number, y: number): GraphNode => ({ id: `n${i}`, type: 'neuron', activation: 'sigmoid', position: { x, y } });
/** bench:ui's files: columns of 20 nodes, 200 apart, rows 80 */
const grid = (count: number) => Array.from({ length: count }, (_, i) => neuron(i, 40 + Math.floor(i / 20) * 200, (i % 20) * 80));
/** the canvas of a 1,440 × 900 window (side panels, the legend and the details area around it) */
const PANE = { width: 890, height: 485 };

describe('openingViewport', () => {
  it('fits a small graph whole (null: Fit view, as before)', () => {
    expect(openingViewport(grid(9), PANE)).toBeNull();
  });

  it('fits the 200- and 300-node benchmark DAGs whole: they fit within the canvas’s least zoom', () => {
    expect(openingViewport(grid(200), PANE)).toBeNull();
    expect(openingViewport(grid(300), PANE)).toBeNull();
  });

  it('opens a 2,000-node graph at a readable zoom on its top-left corner, not fitted at a zoom of 0.03', () => {
    const nodes = grid(2000);
    const view = openingViewport(nodes, PANE);
    expect(view).toEqual({ zoom: OPENING_VIEW.readableZoom, x: OPENING_VIEW.margin - 40 * OPENING_VIEW.readableZoom, y: OPENING_VIEW.margin });
    // the first column (the inputs, in topological order) is on screen, and a few columns after it
    const onScreen = nodes.filter((n) => {
      const x = n.position!.x * view!.zoom + view!.x;
      const y = n.position!.y * view!.zoom + view!.y;
      return x >= 0 && x + 150 * view!.zoom <= PANE.width && y >= 0 && y + 84 * view!.zoom <= PANE.height;
    });
    expect(onScreen.map((n) => n.id)).toContain('n0');
    expect(onScreen.length).toBeGreaterThan(20);
    expect(onScreen.length).toBeLessThan(200);
  });

  it('leaves a document without placed nodes, or a canvas not measured yet, to Fit view', () => {
    expect(openingViewport([{ type: 'neuron' }], PANE)).toBeNull();
    expect(openingViewport(grid(2000), { width: 0, height: 0 })).toBeNull();
  });
});

describe('graphBounds', () => {
  it('spans every placed node’s box', () => {
    expect(graphBounds([neuron(0, 10, 20), neuron(1, 300, -40), { type: 'input' }])).toEqual({ x: 10, y: -40, width: 440, height: 144 });
  });
});
