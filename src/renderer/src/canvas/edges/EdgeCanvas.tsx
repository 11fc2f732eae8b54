import { memo, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { EdgeLayer } from './edgeLayer';
import { useCanvasEdges } from './useCanvasEdges';
import { edgePainter } from './edgePainter';
import { useStudio } from '../../studio/StudioContext';

// The edges of an EdgeLayer on one canvas under the nodes, in React Flow's viewport transform:
// repainted (at most once a frame) when an edge's curve or stroke changes or the view moves, each
// time only the curves that may cross the view — in the edge worker where one starts, so the
// page's frames never wait for the curves' raster (edgePainter.ts). What a repaint costs paces how
// often training's weights restroke it (live/shownWeights.ts). The layer is filled by useCanvasEdges.
export const EdgeCanvas = memo(function EdgeCanvas({ layer }: { layer: EdgeLayer }) {
  const studio = useStudio();
  const host = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();
  useCanvasEdges(layer);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let frame = 0;
    const request = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const resize = new ResizeObserver(request);
    const painter = edgePainter({
      layer,
      env: studio.env,
      // a canvas of this effect's own: one whose control went to a worker cannot be painted again
      makeCanvas: () => {
        const canvas = document.createElement('canvas');
        canvas.className = 'bp-edge-canvas';
        canvas.setAttribute('aria-hidden', 'true');
        parent.append(canvas);
        resize.observe(canvas);
        return canvas;
      },
      cost: (ms) => studio.shown.noteStrokeCost(ms),
      replaced: request,
    });
    const draw = () => {
      frame = 0;
      const { canvas } = painter;
      const [x, y, zoom] = flow.getState().transform;
      canvas.dataset.edges = String(layer.size);
      // the page's own colours (styles/app.css), as the SVG edges use them
      const style = getComputedStyle(canvas);
      const colours = { neg: style.getPropertyValue('--neg').trim(), pos: style.getPropertyValue('--pos').trim() };
      painter.paint({ x, y, zoom, width: canvas.clientWidth, height: canvas.clientHeight, ratio: window.devicePixelRatio || 1 }, colours);
    };
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
      painter.dispose();
    };
  }, [studio, layer, flow]);

  return <div ref={host} className="bp-edge-canvas-host" />;
});
