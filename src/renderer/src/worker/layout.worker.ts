/// <reference lib="webworker" />
import type { ToLayoutWorker } from '../layout/layoutProtocol';
import { createPositioner } from '../layout/positions';
import { createLayoutHost } from './layoutHost';

// Lays graphs out off the main thread (layout/layoutService.ts sends them): the page keeps
// answering, shows the progress and can cancel (it terminates this worker).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createLayoutHost(createPositioner());

scope.onmessage = (event: MessageEvent<ToLayoutWorker>) => {
  void host.receive(event.data).then((reply) => scope.postMessage(reply));
};
