import { memo, useEffect, useRef } from 'react';
import { rangeFor } from './colorScale';
import { useMapPainter } from './paintMap';
import './data.css';
import { useDocument, useMaps } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

/** a 40 px thumbnail shows every 2nd cell of every 2nd row (50×50 of the 100×100 grid) */
const THUMB_STEP = 2;

// A neuron's own z_k over the plane, drawn small inside its node on the canvas.
export const NodeThumbnail = memo(function NodeThumbnail({ nodeId }: { nodeId: string }) {
  const studio = useStudio();
  const ref = useRef<HTMLCanvasElement>(null);
  const painter = useMapPainter();
  // a canvas never painted is blank: clearing it would create a 2-D context per node for nothing
  // (3 s of a 2,000-node graph's first paint, profiled)
  const painted = useRef(false);
  const spec = useMaps((s) => s.spec);
  const values = useMaps((s) => s.values[nodeId]);
  const activation = useDocument((s) => {
    const node = s.doc.nodes.find((n) => n.id === nodeId);
    return node?.type === 'neuron' ? node.activation : undefined;
  });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (spec && values) {
      painter.paint(canvas, spec, values, rangeFor(activation, values), false, THUMB_STEP);
      painted.current = true;
    } else if (painted.current) {
      painter.clear(canvas);
      painted.current = false;
    }
  }, [painter, spec, values, activation]);
  // a thumbnail that unmounts under the pointer (its node deleted, thumbnails hidden) ends its hover
  useEffect(() => () => studio.hover.leave(nodeId), [studio, nodeId]);

  return (
    <canvas
      ref={ref}
      className="node-thumbnail"
      aria-label={`map of z for ${nodeId}`}
      role="img"
      onPointerEnter={() => studio.hover.setHoveredNode(nodeId)}
      onPointerLeave={() => studio.hover.leave(nodeId)}
    />
  );
});
