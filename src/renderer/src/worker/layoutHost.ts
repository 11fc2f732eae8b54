import type { FromLayoutWorker, ToLayoutWorker } from '../layout/layoutProtocol';
import type { Positioner } from '../layout/positions';

// The layout worker's logic, apart from the worker global so tests drive it directly: one
// request in, the positions (or the reason there are none) out.
export function createLayoutHost(positioner: Pick<Positioner, 'positions'>) {
  return {
    async receive(request: ToLayoutWorker): Promise<FromLayoutWorker> {
      try {
        return { id: request.id, ok: true, positions: await positioner.positions(request.method, request.graph) };
      } catch (err) {
        return { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
