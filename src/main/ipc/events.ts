import type { z } from 'zod';
import { EVENTS, type EventName } from '../../shared/ipc';

// main → renderer: every event is sent through here, checked against the contract first (a
// payload that does not match is a bug in main, reported loudly rather than sent).

export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void;
}

export class IpcEventRefused extends Error {
  constructor(channel: string) {
    super(`IPC ${channel}: main's event does not match the contract`);
    this.name = 'IpcEventRefused';
  }
}

export function sendEvent<N extends EventName>(to: EventReceiver, name: N, payload: z.input<(typeof EVENTS)[N]['payload']>): void {
  const spec = EVENTS[name];
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) throw new IpcEventRefused(spec.channel);
  to.send(spec.channel, parsed.data);
}
