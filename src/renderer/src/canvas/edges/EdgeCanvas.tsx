import { memo, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { EdgeLayer } from './edgeLayer';
import { useCanvasEdges } from './useCanvasEdges';
import { EDGE_OPACITY } from './edgeCurve';
import { useStudio } from '../../studio/StudioContext';

// The edges of an EdgeLayer on one canvas under the nodes, in React Flow's viewport transform:
// repainted (at most once a frame) when an edge's curve or stroke changes or the view moves, each
// time only the curves that may cross the view. What a repaint costs its frame paces how often
// training's weights restroke it (live/shownWeights.ts). The layer is filled by useCanvasEdges.
export const EdgeCanvas = memo(function EdgeCanvas({ layer }: { layer: EdgeLayer }) {
  const studio = useStudio();
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useCanvasEdges(layer);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const started = performance.now();
      paint(canvas, layer, flow.getState().transform);
      // the curves are rasterised when the frame commits: measure up to the frame's end
      studio.env.afterRender(() => studio.shown.noteStrokeCost(studio.env.now() - started));
    };
    const request = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const resize = new ResizeObserver(request);
    resize.observe(canvas);
    const stopLayer = layer.subscribe(request);
    const stopFlow = flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) request();
    });
    request();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      stopLayer();
      stopFlow();
    };
  }, [studio, layer, flow]);

  return <canvas ref={ref} className="bp-edge-canvas" aria-hidden="true" />;
});

/** every edge of `layer` that may cross the viewport `[x, y, zoom]`: bucket by bucket (one colour and width each), curve by curve */
function paint(canvas: HTMLCanvasElement, layer: EdgeLayer, [x, y, zoom]: [number, number, number]): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  canvas.dataset.edges = String(layer.size);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
  // the page's own colours (styles/app.css), as the SVG edges use them
  const style = getComputedStyle(canvas);
  const colour = { neg: style.getPropertyValue('--neg').trim(), pos: style.getPropertyValue('--pos').trim() };
  ctx.globalAlpha = EDGE_OPACITY;
  ctx.lineCap = 'butt';
  const view = { x0: -x / zoom, y0: -y / zoom, x1: (canvas.clientWidth - x) / zoom, y1: (canvas.clientHeight - y) / zoom };
  for (const [bucket, paths] of layer.paths(view)) {
    ctx.strokeStyle = bucket < 0 ? colour.neg : colour.pos;
    ctx.lineWidth = Math.abs(bucket);
    for (const path of paths) ctx.stroke(path);
  }
}
