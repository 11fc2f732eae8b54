import type { EdgeLayer } from './edgeLayer';
import { EDGE_OPACITY } from './edgeCurve';

// One painter for a big graph's edge canvas, wherever it paints: in the edge worker on an
// OffscreenCanvas (the page's frames never wait for the curves' raster), or on the page where no
// worker can start. Each repaint draws only the curves that may cross the view, bucket by bucket.

/** where the canvas looks: React Flow's viewport transform, the canvas's CSS size and the device pixel ratio */
export interface EdgeView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  ratio: number;
}

/** the page's colours for negative and positive weights (styles/app.css), as the SVG edges use them */
export interface EdgeColours {
  neg: string;
  pos: string;
}

/** what painting uses of a 2-D context (a page's canvas, an OffscreenCanvas, a test's recorder), `P` its paths */
export interface EdgeContext<P = Path2D> {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  stroke(path: P): void;
  globalAlpha: number;
  lineCap: CanvasLineCap;
  lineWidth: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
}

/** the canvas (its pixel size) and its 2-D context */
export interface EdgeTarget<P = Path2D> {
  canvas: { width: number; height: number };
  ctx: EdgeContext<P>;
}

/** every edge of `layer` that may cross `view`, one colour and width per bucket */
export function paintEdges<P>({ canvas, ctx }: EdgeTarget<P>, layer: EdgeLayer<P>, view: EdgeView, colour: EdgeColours): void {
  const { x, y, zoom, ratio } = view;
  const width = Math.round(view.width * ratio);
  const height = Math.round(view.height * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
  ctx.globalAlpha = EDGE_OPACITY;
  ctx.lineCap = 'butt';
  const shown = { x0: -x / zoom, y0: -y / zoom, x1: (view.width - x) / zoom, y1: (view.height - y) / zoom };
  for (const [bucket, paths] of layer.paths(shown)) {
    ctx.strokeStyle = bucket < 0 ? colour.neg : colour.pos;
    ctx.lineWidth = Math.abs(bucket);
    for (const path of paths) ctx.stroke(path);
  }
}
