import { GridMapper } from '../data/gridMapper';
import { buffersOf, type FromMapWorker, type ToMapWorker } from '../data/mapProtocol';

// The map worker's logic without the Worker: keeps the grid mapper of the latest topology and
// answers each request with every node's map (or why it could not).

export function createMapHost(now: () => number) {
  let mapper: { key: string; grid: GridMapper } | null = null;
  return {
    receive(m: ToMapWorker): { reply: FromMapWorker; transfer: Transferable[] } {
      try {
        if (m.doc) mapper = { key: m.key, grid: new GridMapper(m.doc) };
        if (!mapper || mapper.key !== m.key) throw new Error('no network for these weights');
        const started = now();
        const values = mapper.grid.map(m.weights, m.spec, m.reuse);
        return { reply: { id: m.id, ok: true, nodeIds: mapper.grid.nodeIds, values, ms: now() - started }, transfer: buffersOf(values) };
      } catch (err) {
        return { reply: { id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) }, transfer: [] };
      }
    },
  };
}
