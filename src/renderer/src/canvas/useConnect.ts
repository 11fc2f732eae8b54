import { useCallback } from 'react';
import type { Connection, FinalConnectionState, IsValidConnection, OnConnect, OnConnectEnd } from '@xyflow/react';
import { connectionProblem } from '../../../engine';
import { connect, useDocument } from '../store/document';
import { select } from '../store/selection';
import { notify } from '../store/notices';

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
  const isValidConnection: IsValidConnection = useCallback(
    (c) => connectionProblem(useDocument.getState().doc, c.source, c.target) === null,
    [],
  );

  const onConnect: OnConnect = useCallback((c: Connection) => {
    const result = connect(c.source, c.target);
    if (result.ok) select([], [result.edgeId]);
  }, []);

  const onConnectEnd: OnConnectEnd = useCallback((event, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const other = state.toNode?.id ?? nodeUnder(event);
    if (!other) return; // dropped on empty canvas: nothing was attempted
    const from = state.fromNode.id;
    const fromSource = state.fromHandle?.type !== 'target';
    const [source, target] = fromSource ? [from, other] : [other, from];
    const result = connect(source, target);
    if (result.ok) select([], [result.edgeId]);
    else notify(`Cannot connect ${source} → ${target}: ${result.reason}`, 'warning', pointOf(event));
  }, []);

  return { isValidConnection, onConnect, onConnectEnd };
}
