/// <reference lib="webworker" />
import '../../../engine/format/zodConfig'; // before anything parses: no eval probe under the CSP
import type { ToLayoutWorker } from '../layout/layoutProtocol';
import { createPositioner } from '../layout/positions';
import { createLayoutHost } from './layoutHost';

// Lays graphs out off the main thread (layout/layoutService.ts sends them): the page keeps
// answering, shows the progress and can cancel (it terminates this worker).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const positioner = createPositioner();
const host = createLayoutHost(positioner);
// ELK's bundle, loaded in a worker, takes the worker's `onmessage` for its own dispatcher: this
// worker listens with addEventListener and, once ELK is in, takes `onmessage` back from it. The
// service starts this worker once the page has settled, so ELK loads now, not on the first layout.
const ready = positioner.preload().then(() => {
  scope.onmessage = null;
});

scope.addEventListener('message', (event: MessageEvent<ToLayoutWorker>) => {
  void ready.then(() => host.receive(event.data)).then((reply) => scope.postMessage(reply));
});
