import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { EdgeLayer } from './edgeLayer';
import { EDGE_REACH } from './edgeCurve';
import { useStudio } from '../../studio/StudioContext';

// A big graph's edges on the canvas are no elements the browser can find under the pointer: the
// pointer finds them here, in the layer (a curve's bounds, then the browser's own test of the
// point against its stroke, EDGE_REACH either side). The edge under a resting pointer is handed to
// React Flow hovered — it draws highlighted with its label and from then on takes clicks itself;
// a click or right-click on the pane where an edge is not yet handed over selects it here. A click
// pressed on the pane over an edge selects that edge even when the edge was handed over between
// press and release (the click then lands on an ancestor of both, neither the pane nor the edge).

export interface CanvasEdgePointer {
  /** the edge under the pointer, found on the canvas (null: none, or not a big graph) */
  hovered: string | null;
  /** the edge on the canvas under a pointer event's point, or null */
  edgeAt: (e: { clientX: number; clientY: number }) => string | null;
  onPointerMove: (e: ReactPointerEvent) => void;
  onPointerLeave: () => void;
  /** capture phase: the edge on the canvas a press on the pane went down over */
  onPointerDownCapture: (e: ReactPointerEvent) => void;
  /** capture phase: a click on the pane over a canvas edge selects the edge (Shift, Ctrl or ⌘ adds it) instead of clearing the selection */
  onClickCapture: (e: ReactMouseEvent) => void;
}

const onPane = (target: EventTarget) => target instanceof Element && target.classList.contains('react-flow__pane');

/** a press and its release this close (px) are one click, not a drag */
const CLICK_SLOP = 4;

export function useCanvasEdgePointer(layer: EdgeLayer | null, onEdgeContextMenu: (e: ReactMouseEvent, edge: { id: string }) => void): CanvasEdgePointer & { onContextMenuCapture: (e: ReactMouseEvent) => void } {
  const studio = useStudio();
  const { screenToFlowPosition } = useReactFlow();
  const [hovered, setHovered] = useState<string | null>(null);
  const probe = useMemo(() => (layer ? document.createElement('canvas').getContext('2d') : null), [layer]);
  const frame = useRef(0);
  const last = useRef<{ clientX: number; clientY: number; over: boolean } | null>(null);
  const pressed = useRef<{ id: string; clientX: number; clientY: number } | null>(null);

  const edgeAt = useCallback(
    (e: { clientX: number; clientY: number }) => {
      if (!layer || !probe) return null;
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false });
      probe.lineWidth = 2 * EDGE_REACH;
      return layer.hit(at.x, at.y, (path) => probe.isPointInStroke(path, at.x, at.y));
    },
    [layer, probe, screenToFlowPosition],
  );

  // no layer (the graph is no longer big), no hovered edge
  useEffect(() => {
    if (!layer) setHovered(null);
    return () => cancelAnimationFrame(frame.current);
  }, [layer]);

  const onPointerMove = useCallback(
    (e: ReactPointerEvent) => {
      if (!layer) return;
      const element = e.target instanceof Element ? e.target : null;
      // over an edge React Flow draws (the hovered one, or a selected one): that edge has the pointer
      const drawn = element?.closest('.react-flow__edge')?.getAttribute('data-id');
      if (drawn) {
        last.current = null;
        setHovered((old) => (old === drawn ? old : null));
        return;
      }
      // over a node or a label, or a button held (a drag, a pan, a box): no edge is hovered
      const over = e.buttons === 0 && !element?.closest('.react-flow__node, .bp-edge-label');
      last.current = { clientX: e.clientX, clientY: e.clientY, over };
      if (frame.current !== 0) return;
      // at most one test a frame, at the pointer's latest point
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const at = last.current;
        const hit = at?.over ? edgeAt(at) : null;
        setHovered((old) => (old === hit ? old : hit));
      });
    },
    [layer, edgeAt],
  );

  const onPointerLeave = useCallback(() => {
    last.current = null;
    setHovered(null);
  }, []);

  const onPointerDownCapture = useCallback(
    (e: ReactPointerEvent) => {
      pressed.current = null;
      if (e.button !== 0 || !onPane(e.target)) return;
      const id = edgeAt(e);
      if (id) pressed.current = { id, clientX: e.clientX, clientY: e.clientY };
    },
    [edgeAt],
  );

  const onClickCapture = useCallback(
    (e: ReactMouseEvent) => {
      const press = pressed.current;
      pressed.current = null;
      const still = press !== null && Math.hypot(e.clientX - press.clientX, e.clientY - press.clientY) <= CLICK_SLOP;
      // released where it was pressed: the edge pressed on, even when React Flow took it over in
      // between (the canvas then holds only the curves beside it); else the one on the canvas there now
      const onNode = e.target instanceof Element && e.target.closest('.react-flow__node') !== null;
      const id = still && !onNode ? press.id : onPane(e.target) ? edgeAt(e) : null;
      if (!id) return;
      e.stopPropagation();
      if (e.shiftKey || e.metaKey || e.ctrlKey) studio.selection.toggleSelected('edge', id);
      else studio.selection.select([], [id]);
    },
    [edgeAt, studio],
  );

  const onContextMenuCapture = useCallback(
    (e: ReactMouseEvent) => {
      if (!onPane(e.target)) return;
      const id = edgeAt(e);
      if (!id) return;
      e.stopPropagation();
      onEdgeContextMenu(e, { id });
    },
    [edgeAt, onEdgeContextMenu],
  );

  return { hovered, edgeAt, onPointerMove, onPointerLeave, onPointerDownCapture, onClickCapture, onContextMenuCapture };
}
