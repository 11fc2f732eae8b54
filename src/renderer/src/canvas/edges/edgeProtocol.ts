import type { LayerChanges } from './edgeLayer';
import type { EdgeColours, EdgeView } from './paintEdges';

// Messages between a big graph's edge canvas on the page (EdgeCanvas.tsx) and the edge worker
// that paints it (worker/edges.worker.ts). The page keeps the layer of curves (it answers the
// pointer); the worker keeps a copy, brought up to date by each repaint's changes.

export type ToEdgeWorker =
  /** the canvas the worker paints from now on (transferred once, when the canvas mounts) */
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** repaint: the curves changed since the last repaint, the view and the colours */
  | { type: 'paint'; changes: LayerChanges; view: EdgeView; colours: EdgeColours };

/** a repaint done: what it cost the worker, ms (drawing and the raster that commits it) */
export type FromEdgeWorker = { type: 'painted'; ms: number };
