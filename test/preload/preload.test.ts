import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEYS, EVENTS, INVOKE, SEND } from '../../src/shared/ipc';

// The preload exposes exactly one named function per operation as `window.backprop`: no
// ipcRenderer, no Node; main's replies and events reach the page only when they match the
// contract, and events arrive without the IPC event object.

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; args: unknown[] }[] = [];
/** what the fake main answers next (one per invoke, else "cancelled") */
const replies: unknown[] = [];
const sent: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => {
      exposed[name] = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return replies.length > 0 ? replies.shift() : { status: 'cancelled' };
    },
    send: (channel: string, ...args: unknown[]) => sent.push({ channel, args }),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('../../src/preload/index');
  api = exposed.backprop as typeof api;
});

describe('preload', () => {
  it('exposes only window.backprop, with exactly the allowlisted functions', () => {
    expect(Object.keys(exposed)).toEqual(['backprop']);
    expect(Object.keys(api).sort()).toEqual([...API_KEYS].sort());
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function');
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'process', 'env', 'require']) expect(api).not.toHaveProperty(forbidden);
  });

  it('sends each operation on its contract channel with its payload', async () => {
    await api.openDocument();
    await api.saveDocument({ text: '{}', fileName: 'a.json', filePath: null, saveAs: true });
    await api.openPath({ filePath: '/home/u/recent.bpgraph.json' });
    api.setWindowState({ title: 't', dirty: true, filePath: null });
    expect(invoked).toEqual([
      { channel: 'file:open', args: [undefined] },
      { channel: 'file:save', args: [{ text: '{}', fileName: 'a.json', filePath: null, saveAs: true }] },
      { channel: 'file:open-path', args: [{ filePath: '/home/u/recent.bpgraph.json' }] },
    ]);
    expect(sent).toEqual([{ channel: 'window:state', args: [{ title: 't', dirty: true, filePath: null }] }]);
  });

  it('has one function per entry of the contract, each on its own channel', async () => {
    for (const [name, spec] of Object.entries(INVOKE)) {
      invoked.length = 0;
      replies.push(undefined);
      await (api[name] as (r?: unknown) => Promise<unknown>)(undefined).catch(() => undefined);
      expect(invoked.map((c) => c.channel), name).toEqual([spec.channel]);
    }
    replies.length = 0;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE), ...Object.keys(SEND), ...Object.keys(EVENTS)].sort());
  });

  it("hands the page main's reply only when it matches the contract", async () => {
    replies.push({ status: 'opened', text: '{}', fileName: 'a.json', filePath: '/d/a.json' });
    await expect(api.openDocument()).resolves.toEqual({ status: 'opened', text: '{}', fileName: 'a.json', filePath: '/d/a.json' });
    replies.push({ status: 'opened', text: 42 });
    await expect(api.openDocument()).rejects.toThrow(/file:open: main's reply does not match the contract/);
    replies.push(['/d/a.json']);
    await expect(api.recentFiles()).resolves.toEqual(['/d/a.json']);
    replies.push([7]);
    await expect(api.recentFiles()).rejects.toThrow(/does not match/);
    replies.push('yes');
    await expect(api.openExternal({ url: 'https://github.com/x' })).rejects.toThrow(/does not match/);
  });

  it('hands menu commands to the handler without the IPC event, drops unknown ones, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.onCommand((id: unknown) => got.push(id)) as () => void;
    const deliver = listeners.get(EVENTS.onCommand.channel)!;
    deliver({ sender: 'the ipc event' }, 'file.save');
    deliver({}, 'shell.rm-rf');
    deliver({}, { id: 'file.save' });
    expect(got).toEqual(['file.save']);
    off();
    expect(listeners.has(EVENTS.onCommand.channel)).toBe(false);
  });

  it('validates open and close requests from main before they reach the page', () => {
    const opens: unknown[] = [];
    api.onOpenRequest((r: unknown) => opens.push(r));
    listeners.get(EVENTS.onOpenRequest.channel)!({}, { filePath: '/x.json' });
    listeners.get(EVENTS.onOpenRequest.channel)!({}, { filePath: 3 });
    expect(opens).toEqual([{ filePath: '/x.json' }]);
  });
});
