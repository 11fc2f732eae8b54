import type { StudioEnv, WorkerPort } from '../../studio/env';
import type { EdgeLayer } from './edgeLayer';
import type { FromEdgeWorker, ToEdgeWorker } from './edgeProtocol';
import { paintEdges, type EdgeColours, type EdgeView } from './paintEdges';

// Who paints a big graph's edge canvas. The edge worker, where one starts and the canvas can hand
// its control over (OffscreenCanvas): each repaint sends the layer's changes since the last and
// the view, and the worker draws its copy — thousands of curves rasterised in software took 20-30
// ms of the page's frame at each restroke, and held a dragged node's frames to two vsyncs. Else,
// or once the worker breaks (on a new canvas: the old one's control is gone), the page itself.
// `cost(ms)` hears what each repaint took (the worker's drawing and raster, or the page's frame
// from the repaint on), which paces training's restrokes.

export interface EdgePainter {
  /** the canvas painted now */
  readonly canvas: HTMLCanvasElement;
  paint(view: EdgeView, colours: EdgeColours): void;
  /** stops painting and removes the canvas */
  dispose(): void;
}

export interface EdgePainterDeps {
  layer: EdgeLayer;
  env: Pick<StudioEnv, 'edgeWorker' | 'afterRender' | 'now'>;
  /** a new canvas, in its place in the page */
  makeCanvas: () => HTMLCanvasElement;
  /** what a repaint cost, ms */
  cost: (ms: number) => void;
  /** the worker broke and the page paints a new canvas from now on (every curve still to paint) */
  replaced: () => void;
}

interface Painter {
  paint(view: EdgeView, colours: EdgeColours): void;
  dispose(): void;
}

export function edgePainter(deps: EdgePainterDeps): EdgePainter {
  let canvas = deps.makeCanvas();
  const fail = () => {
    current.dispose();
    canvas.remove();
    canvas = deps.makeCanvas();
    current = onPage(canvas, deps);
    deps.replaced();
  };
  let current: Painter = inWorker(canvas, deps, fail) ?? onPage(canvas, deps);
  return {
    get canvas() {
      return canvas;
    },
    paint: (view, colours) => current.paint(view, colours),
    dispose() {
      current.dispose();
      canvas.remove();
    },
  };
}

function inWorker(canvas: HTMLCanvasElement, { layer, env, cost }: EdgePainterDeps, fail: () => void): Painter | null {
  if (typeof canvas.transferControlToOffscreen !== 'function') return null;
  const worker = env.edgeWorker() as WorkerPort<ToEdgeWorker, FromEdgeWorker> | null;
  if (!worker) return null;
  let offscreen: OffscreenCanvas;
  try {
    offscreen = canvas.transferControlToOffscreen();
  } catch {
    worker.terminate();
    return null;
  }
  worker.onmessage = (event) => cost(event.data.ms);
  worker.onerror = (event) => {
    // the worker could not start or broke: the page paints from now on
    event.preventDefault();
    fail();
  };
  worker.postMessage({ type: 'canvas', canvas: offscreen }, [offscreen]);
  // a new worker's copy starts empty: its first repaint carries every curve, whoever drained before
  let fresh = true;
  return {
    paint(view, colours) {
      worker.postMessage({ type: 'paint', changes: layer.drain(fresh), view, colours });
      fresh = false;
    },
    dispose: () => worker.terminate(),
  };
}

function onPage(canvas: HTMLCanvasElement, { layer, env, cost }: EdgePainterDeps): Painter {
  const ctx = canvas.getContext('2d');
  return {
    paint(view, colours) {
      if (!ctx) return;
      const started = env.now();
      paintEdges({ canvas, ctx }, layer, view, colours);
      // the curves are rasterised when the frame commits: measure up to the frame's end
      env.afterRender(() => cost(env.now() - started));
    },
    dispose() {},
  };
}
