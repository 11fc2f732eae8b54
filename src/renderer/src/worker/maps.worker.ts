/// <reference lib="webworker" />
import '../../../engine/format/zodConfig'; // before anything parses: no eval probe under the CSP
import type { ToMapWorker } from '../data/mapProtocol';
import { createMapHost } from './mapHost';

// Computes the neurons' maps off the main thread (data/mapScheduler.ts sends the weights): the
// page keeps its frames for drawing while a big net's grid pass runs here.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createMapHost(() => performance.now());

scope.onmessage = (event: MessageEvent<ToMapWorker>) => {
  const { reply, transfer } = host.receive(event.data);
  scope.postMessage(reply, transfer);
};
