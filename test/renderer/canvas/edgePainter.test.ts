import { describe, expect, it } from 'vitest';
import { edgePainter } from '../../../src/renderer/src/canvas/edges/edgePainter';
import { EdgeLayer } from '../../../src/renderer/src/canvas/edges/edgeLayer';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';

// Who paints a big graph's edges: the edge worker, handed the canvas, where one starts; the page
// where none does, and on a new canvas once the worker breaks. Either way each repaint's cost
// reaches the strokes' pace.

const view = { x: 0, y: 0, zoom: 1, width: 10, height: 10, ratio: 1 };
const colours = { neg: 'orange', pos: 'blue' };

function fakeWorker() {
  const posted: { message: unknown; transfer?: Transferable[] }[] = [];
  let terminated = false;
  const port: WorkerPort<unknown, unknown> = {
    postMessage: (message, transfer) => void posted.push({ message, transfer }),
    terminate: () => void (terminated = true),
    onmessage: null,
    onerror: null,
  };
  return { port, posted, terminated: () => terminated };
}

/** canvases as the page makes them: one that can hand its control to a worker, or one painted here (recording its strokes) */
function canvases(offscreen: boolean) {
  const made: { strokes: unknown[]; removed: boolean; transferred: boolean }[] = [];
  const make = () => {
    const record = { strokes: [] as unknown[], removed: false, transferred: false };
    made.push(record);
    const ctx = { setTransform() {}, clearRect() {}, stroke: (p: unknown) => void record.strokes.push(p), globalAlpha: 1, lineCap: 'butt', lineWidth: 1, strokeStyle: '' };
    return {
      width: 0,
      height: 0,
      transferControlToOffscreen: offscreen ? () => ((record.transferred = true), { offscreen: made.length }) : undefined,
      getContext: () => (record.transferred ? null : ctx),
      remove: () => void (record.removed = true),
    } as unknown as HTMLCanvasElement;
  };
  return { made, make };
}

const layerOf = (...ids: string[]) => {
  const layer = new EdgeLayer((d) => d as unknown as Path2D);
  for (const id of ids) layer.put(id, id.toUpperCase(), 1);
  return layer;
};

describe('edgePainter', () => {
  it('hands the canvas to the edge worker once, then sends each repaint the layer’s changes and the view', () => {
    const { made, make } = canvases(true);
    const worker = fakeWorker();
    const costs: number[] = [];
    const layer = layerOf('a');
    const painter = edgePainter({ layer, env: { edgeWorker: () => worker.port, afterRender: () => {}, now: () => 0 }, makeCanvas: make, cost: (ms) => costs.push(ms), replaced: () => {} });
    expect(made[0]!.transferred).toBe(true);
    expect(worker.posted[0]).toEqual({ message: { type: 'canvas', canvas: { offscreen: 1 } }, transfer: [{ offscreen: 1 }] });
    painter.paint(view, colours);
    layer.put('b', 'B', -1);
    painter.paint(view, colours);
    expect(worker.posted.slice(1).map((p) => p.message)).toEqual([
      { type: 'paint', changes: { put: [['a', 'A', 1, expect.anything()]], drop: [] }, view, colours },
      { type: 'paint', changes: { put: [['b', 'B', -1, expect.anything()]], drop: [] }, view, colours },
    ]);
    worker.port.onmessage!({ data: { type: 'painted', ms: 12 } } as MessageEvent);
    expect(costs).toEqual([12]);
    painter.dispose();
    expect(worker.terminated()).toBe(true);
    expect(made[0]!.removed).toBe(true);
  });

  it('paints on the page where no worker starts, and measures the repaint to the frame’s end', () => {
    const { made, make } = canvases(true);
    let t = 100;
    const rendered: (() => void)[] = [];
    const costs: number[] = [];
    const painter = edgePainter({ layer: layerOf('a'), env: { edgeWorker: () => null, afterRender: (fn) => void rendered.push(fn), now: () => t }, makeCanvas: make, cost: (ms) => costs.push(ms), replaced: () => {} });
    expect(made[0]!.transferred).toBe(false);
    painter.paint(view, colours);
    expect(made[0]!.strokes).toEqual(['A']);
    t = 125;
    rendered.forEach((fn) => fn());
    expect(costs).toEqual([25]);
  });

  it('once the worker breaks, paints every curve on a new canvas on the page', () => {
    const { made, make } = canvases(true);
    const worker = fakeWorker();
    let replaced = 0;
    const painter = edgePainter({ layer: layerOf('a', 'b'), env: { edgeWorker: () => worker.port, afterRender: () => {}, now: () => 0 }, makeCanvas: make, cost: () => {}, replaced: () => replaced++ });
    painter.paint(view, colours);
    let prevented = false;
    worker.port.onerror!({ preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    expect([prevented, worker.terminated(), made[0]!.removed, replaced]).toEqual([true, true, true, 1]);
    expect(painter.canvas).not.toBe(made[0]);
    painter.paint(view, colours);
    expect(made[1]!.strokes.sort()).toEqual(['A', 'B']);
  });

  it('gives a new worker every curve, though an earlier painter of the same layer drained them', () => {
    const layer = layerOf('a', 'b');
    const env = (w: ReturnType<typeof fakeWorker>) => ({ edgeWorker: () => w.port, afterRender: () => {}, now: () => 0 });
    const first = fakeWorker();
    const one = edgePainter({ layer, env: env(first), makeCanvas: canvases(true).make, cost: () => {}, replaced: () => {} });
    one.paint(view, colours);
    one.dispose(); // the canvas remounts (its effect ran again)
    const second = fakeWorker();
    edgePainter({ layer, env: env(second), makeCanvas: canvases(true).make, cost: () => {}, replaced: () => {} }).paint(view, colours);
    const sent = second.posted[1]!.message as { changes: { put: [string][] } };
    expect(sent.changes.put.map(([id]) => id).sort()).toEqual(['a', 'b']);
  });
});
