import { describe, expect, it } from 'vitest';
import { createEdgeHost } from '../../../src/renderer/src/worker/edgeHost';
import { EdgeLayer } from '../../../src/renderer/src/canvas/edges/edgeLayer';
import type { EdgeContext } from '../../../src/renderer/src/canvas/edges/paintEdges';
import type { FromEdgeWorker } from '../../../src/renderer/src/canvas/edges/edgeProtocol';

// The edge worker paints its copy of the page's layer: what it draws is what the page's layer
// holds, in the view last sent, once per batch of messages however many came.

/** a 2-D context that records what it strokes, with which colour and width */
function recorder() {
  const strokes: string[] = [];
  const transforms: number[][] = [];
  const ctx: EdgeContext<string> = {
    setTransform: (...m) => void transforms.push(m),
    clearRect: () => void strokes.push('clear'),
    stroke: (path) => void strokes.push(`${String(ctx.strokeStyle)} ${ctx.lineWidth} ${path}`),
    globalAlpha: 1,
    lineCap: 'round',
    lineWidth: 1,
    strokeStyle: '',
  };
  return { strokes, transforms, canvas: { width: 300, height: 150, getContext: () => ctx } };
}

function world() {
  let t = 0;
  let queue: (() => void)[] = [];
  const replies: FromEdgeWorker[] = [];
  const host = createEdgeHost<string>({
    makePath: (d) => d,
    now: () => (t += 5),
    schedule: (fn) => void queue.push(fn),
    reply: (m) => void replies.push(m),
  });
  const flush = () => {
    const q = queue;
    queue = [];
    q.forEach((fn) => fn());
  };
  return { host, replies, flush, pending: () => queue.length };
}

const colours = { neg: 'orange', pos: 'blue' };
const view = (x = 0, zoom = 1) => ({ x, y: 0, zoom, width: 200, height: 100, ratio: 2 });

describe('the edge worker', () => {
  it('paints what the page’s layer holds, bucket by bucket in its colours, sized to the view', () => {
    const page = new EdgeLayer((d) => d);
    page.put('a', 'A', 1.5);
    page.put('b', 'B', -2);
    const { host, flush } = world();
    const target = recorder();
    host.receive({ type: 'canvas', canvas: target.canvas });
    host.receive({ type: 'paint', changes: page.drain(), view: view(10, 0.5), colours });
    flush();
    expect(target.strokes).toEqual(['clear', 'blue 1.5 A', 'orange 2 B']);
    expect([target.canvas.width, target.canvas.height]).toEqual([400, 200]); // CSS size × device pixel ratio
    expect(target.transforms.at(-1)).toEqual([1, 0, 0, 1, 20, 0]); // ratio × zoom, ratio × pan
  });

  it('applies every message’s changes and paints once, in the latest view, however many came between', () => {
    const page = new EdgeLayer((d) => d);
    const { host, flush, pending, replies } = world();
    const target = recorder();
    host.receive({ type: 'canvas', canvas: target.canvas });
    page.put('a', 'A', 1);
    host.receive({ type: 'paint', changes: page.drain(), view: view(0), colours });
    page.put('b', 'B', 1);
    page.drop('a');
    host.receive({ type: 'paint', changes: page.drain(), view: view(30), colours });
    expect(pending()).toBe(1); // one repaint waits for both
    flush();
    expect(target.strokes).toEqual(['clear', 'blue 1 B']);
    expect(target.transforms.at(-1)).toEqual([2, 0, 0, 2, 60, 0]);
    // what the repaint cost is heard in the next task, after the canvas committed
    expect(replies).toEqual([]);
    flush();
    expect(replies).toEqual([{ type: 'painted', ms: 5 }]);
  });

  it('keeps the curves sent before its canvas came, and paints them once it has one', () => {
    const page = new EdgeLayer((d) => d);
    page.put('a', 'A', 1);
    const { host, flush } = world();
    host.receive({ type: 'paint', changes: page.drain(), view: view(), colours });
    flush();
    const target = recorder();
    host.receive({ type: 'canvas', canvas: target.canvas });
    flush();
    expect(target.strokes).toEqual(['clear', 'blue 1 A']);
  });
});
