import { EVENTS, INVOKE, SEND, type BackpropApi, type EventSpec, type InvokeSpec, type SendSpec } from '../shared/ipc';

// `window.backprop`, generated from the contract's tables: one named function per operation. The
// renderer never sees ipcRenderer, the IPC event object, or anything of Node; main's replies and
// events are checked against the contract before the page sees them.

export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export class IpcReplyInvalid extends Error {
  constructor(channel: string) {
    super(`IPC ${channel}: main's reply does not match the contract`);
    this.name = 'IpcReplyInvalid';
  }
}

export function createApi(ipc: IpcLike): BackpropApi {
  const invoke = (spec: InvokeSpec) => async (request?: unknown) => {
    const parsed = spec.reply.safeParse(await ipc.invoke(spec.channel, request));
    if (!parsed.success) throw new IpcReplyInvalid(spec.channel);
    return parsed.data;
  };
  const send = (spec: SendSpec) => (request: unknown) => ipc.send(spec.channel, request);
  const listen = (spec: EventSpec) => (handler: (payload: unknown) => void) => {
    const listener = (_event: unknown, payload: unknown) => {
      const parsed = spec.payload.safeParse(payload);
      if (parsed.success) handler(parsed.data);
    };
    ipc.on(spec.channel, listener);
    return () => void ipc.removeListener(spec.channel, listener);
  };

  const api = {
    ...mapTable(INVOKE, invoke),
    ...mapTable(SEND, send),
    ...mapTable(EVENTS, listen),
  };
  // The one cast of the bridge: each function above is built from its table entry, so its
  // parameters and reply are the ones BackpropApi derives from the same entry (test/preload).
  return api as unknown as BackpropApi;
}

function mapTable<S, R>(table: Record<string, S>, make: (spec: S) => R): Record<string, R> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, make(spec)]));
}
