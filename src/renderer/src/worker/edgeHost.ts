import { EdgeLayer } from '../canvas/edges/edgeLayer';
import type { FromEdgeWorker, ToEdgeWorker } from '../canvas/edges/edgeProtocol';
import { paintEdges, type EdgeColours, type EdgeContext, type EdgeView } from '../canvas/edges/paintEdges';

// The edge worker's logic without the Worker: a copy of the page's layer of curves, and the
// canvas it paints. Repaints coalesce: the changes of every message are applied as they come, and
// one repaint follows in a later task (`schedule`), which the messages arriving meanwhile join, so
// a worker that falls behind draws the newest view once, not every view it was sent.

/** an OffscreenCanvas, or a test's */
export interface EdgeHostCanvas<P> {
  width: number;
  height: number;
  getContext(id: '2d'): EdgeContext<P> | null;
}

/** what the host receives: the protocol's messages, its canvas any canvas `P` paints on */
export type ToEdgeHost<P> = Exclude<ToEdgeWorker, { type: 'canvas' }> | { type: 'canvas'; canvas: EdgeHostCanvas<P> };

export interface EdgeHostDeps<P> {
  makePath: (d: string) => P;
  now: () => number;
  /** runs `fn` in a later task */
  schedule: (fn: () => void) => void;
  reply: (message: FromEdgeWorker) => void;
}

export function createEdgeHost<P = Path2D>({ makePath, now, schedule, reply }: EdgeHostDeps<P>) {
  const layer = new EdgeLayer<P>(makePath);
  let target: { canvas: EdgeHostCanvas<P>; ctx: EdgeContext<P> } | null = null;
  let latest: { view: EdgeView; colours: EdgeColours } | null = null;
  let scheduled = false;

  function repaint(): void {
    scheduled = false;
    if (!target || !latest) return;
    const started = now();
    paintEdges(target, layer, latest.view, latest.colours);
    // the curves are rasterised as this task ends and the canvas commits: measure in the next
    schedule(() => reply({ type: 'painted', ms: now() - started }));
  }

  return {
    receive(message: ToEdgeHost<P>): void {
      if (message.type === 'canvas') {
        const ctx = message.canvas.getContext('2d');
        target = ctx ? { canvas: message.canvas, ctx } : null;
      } else {
        layer.apply(message.changes);
        latest = { view: message.view, colours: message.colours };
      }
      if (scheduled) return;
      scheduled = true;
      schedule(repaint);
    },
  };
}
