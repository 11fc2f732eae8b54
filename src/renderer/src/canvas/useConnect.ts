import { useCallback } from 'react';
import type { Connection, FinalConnectionState, IsValidConnection, OnConnect, OnConnectEnd } from '@xyflow/react';
import { connectionProblem } from '../../../engine';
import { useStudio } from '../studio/StudioContext';

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } {
  if ('changedTouches' in event && event.changedTouches.length > 0) {
    const t = event.changedTouches[0];
    return { x: t.clientX, y: t.clientY };
  }
  const m = event as MouseEvent;
  return { x: m.clientX, y: m.clientY };
}

/** the node under the pointer, when a connection is dropped on a node's body rather than its handle */
function nodeUnder(event: MouseEvent | TouchEvent): string | null {
  const { x, y } = pointOf(event);
  const el = document.elementFromPoint(x, y)?.closest('.react-flow__node');
  return el?.getAttribute('data-id') ?? null;
}

// Connecting by dragging from a handle: the engine's one rule decides (cycle, self-loop,
// duplicate, into an input or bias); a refused drop says why, next to the cursor. Dropping on a
// node's body connects too, in the direction the drag started.
export function useConnect() {
  const studio = useStudio();
  const isValidConnection: IsValidConnection = useCallback(
    (c) => connectionProblem(studio.document.getState().doc, c.source, c.target) === null,
    [studio],
  );

  const onConnect: OnConnect = useCallback((c: Connection) => {
    const result = studio.document.connect(c.source, c.target);
    if (result.ok) studio.selection.select([], [result.edgeId]);
  }, [studio]);

  const onConnectEnd: OnConnectEnd = useCallback((event, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const other = state.toNode?.id ?? nodeUnder(event);
    if (!other) return; // dropped on empty canvas: nothing was attempted
    const from = state.fromNode.id;
    const fromSource = state.fromHandle?.type !== 'target';
    const [source, target] = fromSource ? [from, other] : [other, from];
    const result = studio.document.connect(source, target);
    if (result.ok) studio.selection.select([], [result.edgeId]);
    else studio.notices.notify(`Cannot studio.document.connect ${source} → ${target}: ${result.reason}`, 'warning', pointOf(event));
  }, [studio]);

  return { isValidConnection, onConnect, onConnectEnd };
}
