import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEYS, EVENTS, INVOKE, SEND } from '../../src/shared/ipc';

// The preload exposes exactly one named function per operation as `window.backprop`: no
// ipcRenderer, no Node, and main's events reach handlers without the IPC event object.

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; args: unknown[] }[] = [];
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
      return { status: 'cancelled' };
    },
    send: (channel: string, ...args: unknown[]) => sent.push({ channel, args }),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
  webUtils: { getPathForFile: () => '/home/u/dropped.bpgraph.json' },
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
    await api.openDroppedFile({} as File);
    api.setWindowState({ title: 't', dirty: true, filePath: null });
    expect(invoked).toEqual([
      { channel: INVOKE.open, args: [undefined] },
      { channel: INVOKE.save, args: [{ text: '{}', fileName: 'a.json', filePath: null, saveAs: true }] },
      { channel: INVOKE.openDropped, args: [{ filePath: '/home/u/dropped.bpgraph.json' }] },
    ]);
    expect(sent).toEqual([{ channel: SEND.windowState, args: [{ title: 't', dirty: true, filePath: null }] }]);
  });

  it('hands menu commands to the handler without the IPC event, drops unknown ones, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.onCommand((id: unknown) => got.push(id)) as () => void;
    const deliver = listeners.get(EVENTS.command)!;
    deliver({ sender: 'the ipc event' }, 'file.save');
    deliver({}, 'shell.rm-rf');
    deliver({}, { id: 'file.save' });
    expect(got).toEqual(['file.save']);
    off();
    expect(listeners.has(EVENTS.command)).toBe(false);
  });

  it('validates open and close requests from main before they reach the page', () => {
    const opens: unknown[] = [];
    api.onOpenRequest((r: unknown) => opens.push(r));
    listeners.get(EVENTS.openRequest)!({}, { filePath: '/x.json' });
    listeners.get(EVENTS.openRequest)!({}, { filePath: 3 });
    expect(opens).toEqual([{ filePath: '/x.json' }]);
  });
});
