import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { GraphNode, Position } from '../../../engine';
import { NODE_SIZE } from './nodeBoxes';

// The view a document opens in. A graph that fits the canvas within its zoom range is fitted whole
// (as Fit view does). One that does not — 2,000 nodes in a 1,440 × 900 window fit at a zoom of
// 0.03, which the canvas clamps to its least, 0.1, centred: neither the whole graph nor where it
// starts, a node a dot, ~900 of them and every one of their edges rendered at once (14 s to the
// first frame in bench:ui, docs/performance.md "Opening a big graph") — opens at a readable zoom
// on its top-left corner instead, where the inputs are (the layered layout and a file in
// topological order both start there); the minimap shows the rest.

export const OPENING_VIEW = {
  /** a graph that fits whole at this zoom or closer is opened whole: the canvas's least zoom (GraphCanvas's minZoom) */
  wholeAbove: 0.1,
  /** …it opens at this zoom instead: its labels readable, about a hundred nodes in a 1,440 × 900 window */
  readableZoom: 0.5,
  /** pixels between the graph's top-left corner and the canvas's */
  margin: 24,
} as const;

/**
 * Fit view's padding and largest zoom (the canvas's fitView, and the fit an opening view is judged
 * by). The bottom keeps clear of the example-in-hand badge (10 px from the canvas's bottom, about
 * 26 px tall; canvas.css): with 0.15 all round a fitted 2-5-1's lowest neuron sat under it.
 */
export const FIT_VIEW = { padding: { top: 0.15, x: 0.15, bottom: '56px' }, maxZoom: 1.3 } as const;

interface Placed {
  type: GraphNode['type'];
  position?: Position;
}

/** the nodes' bounding box in flow coordinates (each node's approximate box), or null when none is placed */
export function graphBounds(nodes: readonly Placed[]): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (!n.position) continue;
    const size = NODE_SIZE[n.type];
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + size.w);
    y1 = Math.max(y1, n.position.y + size.h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * the viewport a document with `nodes` opens in, in a canvas of `pane` pixels: null when it is
 * fitted whole (Fit view, as for any small graph), else a readable zoom on its top-left corner
 */
export function openingViewport(nodes: readonly Placed[], pane: { width: number; height: number }): Viewport | null {
  const bounds = graphBounds(nodes);
  if (!bounds || pane.width <= 0 || pane.height <= 0) return null;
  const fitted = getViewportForBounds(bounds, pane.width, pane.height, 0, FIT_VIEW.maxZoom, FIT_VIEW.padding);
  if (fitted.zoom >= OPENING_VIEW.wholeAbove) return null;
  const zoom = OPENING_VIEW.readableZoom;
  return { x: OPENING_VIEW.margin - bounds.x * zoom, y: OPENING_VIEW.margin - bounds.y * zoom, zoom };
}
