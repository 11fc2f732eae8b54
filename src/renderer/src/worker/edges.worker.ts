/// <reference lib="webworker" />
import type { ToEdgeWorker } from '../canvas/edges/edgeProtocol';
import { createEdgeHost } from './edgeHost';

// Paints a big graph's edge canvas off the main thread (canvas/edges/EdgeCanvas.tsx transfers it
// here): thousands of curves rasterised in software took 20-30 ms of a page's frame at each
// restroke, and a frame that long is a late one while training runs.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createEdgeHost({
  makePath: (d) => new Path2D(d),
  now: () => performance.now(),
  schedule: (fn) => setTimeout(fn, 0),
  reply: (message) => scope.postMessage(message),
});

scope.onmessage = (event: MessageEvent<ToEdgeWorker>) => host.receive(event.data);
