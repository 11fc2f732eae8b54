// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createApi, type IpcLike } from '../../../src/preload/api';
import { electronPlatform } from '../../../src/renderer/src/platform/electron';

// The desktop platform over the real preload functions and a fake main: each operation reaches
// main on its channel with the contract's request, and the page gets main's (checked) reply.

function fakeMain(answer: (channel: string, request: unknown) => unknown) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const ipc: IpcLike = {
    invoke: async (channel, request) => {
      calls.push([channel, request]);
      return answer(channel, request);
    },
    send: (channel, request) => void calls.push([channel, request]),
    on: (channel, listener) => listeners.set(channel, listener),
    removeListener: (channel) => listeners.delete(channel),
  };
  const platform = electronPlatform(createApi(ipc));
  return { platform, calls, emit: (channel: string, payload: unknown) => listeners.get(channel)?.({}, payload) };
}

describe('the desktop platform', () => {
  it('asks main about unsaved changes and shows errors with the contract’s requests', async () => {
    const main = fakeMain((channel) => (channel === 'dialog:unsaved' ? 'discard' : undefined));
    await expect(main.platform.confirmUnsaved('a.bpgraph.json')).resolves.toBe('discard');
    await main.platform.showError('Could not open', 'broken');
    expect(main.calls).toEqual([
      ['dialog:unsaved', { name: 'a.bpgraph.json' }],
      ['dialog:error', { title: 'Could not open', message: 'broken' }],
    ]);
  });

  it('opens the file main asks for by its path', async () => {
    const opened = { status: 'opened', text: '{}', fileName: 'x.bpgraph.json', filePath: '/d/x.bpgraph.json' };
    const main = fakeMain(() => opened);
    const got: unknown[] = [];
    main.platform.onOpenRequest((open) => void open().then((r) => got.push(r)));
    main.emit('file:open-request', { filePath: '/d/x.bpgraph.json' });
    await new Promise((r) => setTimeout(r, 0));
    expect(main.calls).toEqual([['file:open-path', { filePath: '/d/x.bpgraph.json' }]]);
    expect(got).toEqual([opened]);
  });

  it('exports a Blob as base64 and text as utf8', async () => {
    const main = fakeMain(() => ({ status: 'saved', filePath: '/d/a.png' }));
    await expect(main.platform.exportFile({ fileName: 'a.png', kind: 'png', data: new Blob([new Uint8Array([1, 2, 3])]) })).resolves.toEqual({
      status: 'saved',
      filePath: '/d/a.png',
    });
    await main.platform.exportFile({ fileName: 'a.csv', kind: 'csv', data: 'x,y\n' });
    expect(main.calls).toEqual([
      ['file:export', { fileName: 'a.png', kind: 'png', data: 'AQID', encoding: 'base64' }],
      ['file:export', { fileName: 'a.csv', kind: 'csv', data: 'x,y\n', encoding: 'utf8' }],
    ]);
  });

  it('turns a reply that breaks the contract into a rejected promise, not a wrong value', async () => {
    const main = fakeMain(() => ({ status: 'saved' }));
    await expect(main.platform.saveDocument('{}', { fileName: 'a.bpgraph.json', filePath: null, saveAs: true })).rejects.toThrow(
      /file:save: main's reply does not match the contract/,
    );
  });
});
