/// <reference lib="webworker" />
import { GridMapper } from '../data/gridMapper';
import { buffersOf, type FromMapWorker, type ToMapWorker } from '../data/mapProtocol';

// Computes the neurons' maps off the main thread (data/mapScheduler.ts sends the weights): the
// page keeps its frames for drawing while a big net's grid pass runs here.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let mapper: { key: string; grid: GridMapper } | null = null;

scope.onmessage = (event: MessageEvent<ToMapWorker>) => {
  const m = event.data;
  let reply: FromMapWorker;
  try {
    if (m.doc) mapper = { key: m.key, grid: new GridMapper(m.doc) };
    if (!mapper || mapper.key !== m.key) throw new Error('no network for these weights');
    const started = performance.now();
    const values = mapper.grid.map(m.weights, m.spec, m.reuse);
    reply = { id: m.id, ok: true, nodeIds: mapper.grid.nodeIds, values, ms: performance.now() - started };
  } catch (err) {
    reply = { id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply, reply.ok ? buffersOf(reply.values) : []);
};
