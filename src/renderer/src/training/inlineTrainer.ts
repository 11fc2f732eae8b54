import { createTrainerHost } from '../worker/host';
import type { FromWorker, ToWorker } from './protocol';

// The same trainer host as the worker's, run on the page itself: the fallback where a module
// worker cannot start. It still trains in 12 ms slices and yields between them, so the page
// stays usable, only with less time to spare.

export interface TrainerPort {
  postMessage(message: ToWorker): void;
}

export function createInlineTrainer(
  receive: (message: FromWorker) => void,
  clock: { now(): number; setTimeout(fn: () => void, ms: number): unknown },
): TrainerPort {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  const later = (fn: () => void) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
  const host = createTrainerHost({
    post: (message) => later(() => receive(message)),
    schedule: (fn, delayMs) => (delayMs ? void clock.setTimeout(fn, delayMs) : later(fn)),
    now: () => clock.now(),
  });
  return { postMessage: (message) => later(() => host.receive(message)) };
}
