/// <reference lib="webworker" />
import '../../../engine/format/zodConfig'; // before anything parses: no eval probe under the CSP
import { createTrainerHost } from './host';
import type { ToWorker } from '../training/protocol';

// Trains off the main thread so the canvas stays fluid. A MessageChannel yields between time
// slices without setTimeout's 4 ms clamp, letting pause and new documents in between slices.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const host = createTrainerHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  schedule: (fn, delayMs) => {
    if (delayMs) {
      setTimeout(fn, delayMs);
      return;
    }
    queue.push(fn);
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<ToWorker>) => host.receive(event.data);
