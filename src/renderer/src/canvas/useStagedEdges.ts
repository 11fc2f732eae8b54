import { useEffect, useMemo, useState } from 'react';
import type { FlowEdge } from './flowTypes';
import type { StudioEnv } from '../studio/env';

// A big graph's edges reach React Flow in batches after its nodes when many arrive at once (a file
// opened, a template, a big paste): the first frame shows the nodes and takes clicks, then each
// frame hands over twice as many edges as the last, each batch rendered in its own task (React
// Flow renders edges synchronously once it has them: 3,500 edges crossing the opening view of
// 2,000 nodes held the page for seconds in one task; docs/performance.md "Opening a big graph").
// An edit adding a few edges hands them over at once.

/** edges handed over in the first batch after the nodes' frame (each later batch doubles the total) */
export const FIRST_EDGE_BATCH = 500;

/** the prefix of `edges` React Flow has now; all of them unless `staged` and many arrived at once */
export function useStagedEdges(edges: FlowEdge[], staged: boolean, frames: Frames): FlowEdge[] {
  const [seen, setSeen] = useState(edges.length);
  const [limit, setLimit] = useState(() => (staged ? 0 : Infinity));
  if (edges.length !== seen) {
    // adjusting state while rendering (React's pattern for state derived from props): no extra commit
    setSeen(edges.length);
    if (staged && edges.length > seen + FIRST_EDGE_BATCH) setLimit(seen);
  }
  const pending = staged && limit < edges.length;
  useEffect(() => {
    if (!pending) return;
    // in the first task after the next frame, the one that shows what was handed over so far
    let live = true;
    const frame = frames.requestFrame(() => frames.afterRender(() => live && setLimit((l) => (l >= edges.length ? Infinity : Math.max(FIRST_EDGE_BATCH, 2 * l)))));
    return () => {
      live = false;
      frames.cancelFrame(frame);
    };
  }, [pending, limit, edges.length, frames]);
  return useMemo(() => (pending ? edges.slice(0, limit) : edges), [pending, edges, limit]);
}

type Frames = Pick<StudioEnv, 'requestFrame' | 'cancelFrame' | 'afterRender'>;

/** false from the moment `big` turns true until the frame after (what a big graph's first frame can do without), true otherwise */
export function useFirstFrameShown(big: boolean, frames: Frames): boolean {
  const [shownFor, setShownFor] = useState(!big);
  const [seen, setSeen] = useState(big);
  if (big !== seen) {
    setSeen(big);
    setShownFor(!big);
  }
  useEffect(() => {
    if (shownFor) return;
    let live = true;
    const frame = frames.requestFrame(() => frames.afterRender(() => live && setShownFor(true)));
    return () => {
      live = false;
      frames.cancelFrame(frame);
    };
  }, [shownFor, frames]);
  return shownFor;
}
