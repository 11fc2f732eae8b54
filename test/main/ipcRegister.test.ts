import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE, SEND } from '../../src/shared/ipc';

// The real IPC registration, with Electron's ipcMain replaced by a recorder: every channel in
// the contract is handled, and each refuses foreign frames and malformed payloads before the
// service behind it is touched.

type Handler = (event: unknown, payload?: unknown) => unknown;
const handlers = new Map<string, Handler>();
const listeners = new Map<string, Handler>();
const openedExternally: string[] = [];

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    on: (channel: string, h: Handler) => listeners.set(channel, h),
  },
  shell: { openExternal: async (url: string) => void openedExternally.push(url) },
  dialog: {},
}));

const APP_URL = 'app://bundle/index.html';
const mainFrame = { url: APP_URL };
const appSender = { id: 1, mainFrame };
const fromApp = { sender: appSender, senderFrame: mainFrame };
const fromIframe = { sender: appSender, senderFrame: { url: APP_URL } };
const fromOtherWindow = { sender: { id: 2, mainFrame }, senderFrame: mainFrame };
const fromNavigatedPage = { sender: { id: 1, mainFrame: { url: 'https://evil.example/' } }, senderFrame: { url: 'https://evil.example/' } };
fromNavigatedPage.sender.mainFrame = fromNavigatedPage.senderFrame;

const save = vi.fn(async () => ({ status: 'saved', filePath: '/d/a.json', fileName: 'a.json' }));
const setTitle = vi.fn();
const services = {
  files: { save, openWithDialog: vi.fn(), openPath: vi.fn() },
  recent: { list: () => ['/d/a.json'] },
  drafts: { save: vi.fn(), load: vi.fn(async () => null), clear: vi.fn() },
  windows: { byContentsId: () => ({ setTitle, setDocumentEdited: vi.fn(), setRepresentedFilename: vi.fn(), close: vi.fn() }), closeNow: vi.fn(), quitting: false },
  refreshingMenu: <T>(p: Promise<T>) => p,
  exportFile: vi.fn(),
  rendererReady: vi.fn(),
};

beforeAll(async () => {
  const { registerIpc } = await import('../../src/main/ipc/register');
  const { isAppUrl } = await import('../../src/main/security/appUrl');
  registerIpc(services as never, { windowIds: () => new Set([1]), isAppUrl: (url) => isAppUrl({ kind: 'bundle', root: '/app/out/renderer' }, url) });
});

const goodSave = { text: '{}', fileName: 'a.json', filePath: null, saveAs: true };

describe('registered IPC', () => {
  it('handles every invoke channel of the contract and the one send channel', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.values(INVOKE).map((spec) => spec.channel).sort());
    expect([...listeners.keys()]).toEqual([SEND.setWindowState.channel]);
  });

  it('serves the app window’s main frame', async () => {
    await expect(handlers.get(INVOKE.saveDocument.channel)!(fromApp, goodSave)).resolves.toMatchObject({ status: 'saved' });
    expect(save).toHaveBeenCalledWith(goodSave);
    await expect(handlers.get(INVOKE.recentFiles.channel)!(fromApp)).resolves.toEqual(['/d/a.json']);
  });

  it('refuses iframes, other windows and pages navigated elsewhere, without touching the service', async () => {
    save.mockClear();
    for (const event of [fromIframe, fromOtherWindow, fromNavigatedPage, { sender: appSender, senderFrame: null }]) {
      await expect(handlers.get(INVOKE.saveDocument.channel)!(event, goodSave)).rejects.toThrow(/refused/);
    }
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses payloads that do not match the contract', async () => {
    save.mockClear();
    await expect(handlers.get(INVOKE.saveDocument.channel)!(fromApp, { ...goodSave, text: 5 })).rejects.toThrow(/payload/);
    await expect(handlers.get(INVOKE.openPath.channel)!(fromApp, { filePath: '' })).rejects.toThrow(/payload/);
    await expect(handlers.get(INVOKE.saveDraft.channel)!(fromApp, 'just a string')).rejects.toThrow(/payload/);
    expect(save).not.toHaveBeenCalled();
  });

  it('checks each reply against the contract before sending it', async () => {
    services.exportFile.mockResolvedValueOnce({ status: 'saved', filePath: '/d/a.png' });
    const request = { fileName: 'a.png', kind: 'png', data: 'AA==', encoding: 'base64' };
    await expect(handlers.get(INVOKE.exportFile.channel)!(fromApp, request)).resolves.toEqual({ status: 'saved', filePath: '/d/a.png' });
    services.exportFile.mockResolvedValueOnce({ status: 'done' });
    await expect(handlers.get(INVOKE.exportFile.channel)!(fromApp, request)).rejects.toThrow(/file:export: main's reply does not match the contract/);
  });

  it('opens only allowlisted https links in the system browser', async () => {
    await expect(handlers.get(INVOKE.openExternal.channel)!(fromApp, { url: 'https://github.com/x' })).resolves.toBe(true);
    await expect(handlers.get(INVOKE.openExternal.channel)!(fromApp, { url: 'file:///etc/passwd' })).resolves.toBe(false);
    expect(openedExternally).toEqual(['https://github.com/x']);
  });

  it('ignores window-state messages from a foreign frame or with a bad shape', () => {
    const send = listeners.get(SEND.setWindowState.channel)!;
    send(fromIframe, { title: 'evil', dirty: false, filePath: null });
    send(fromApp, { title: 7 });
    expect(setTitle).not.toHaveBeenCalled();
    send(fromApp, { title: '● a — Backprop Studio', dirty: true, filePath: null });
    expect(setTitle).toHaveBeenCalledWith('● a — Backprop Studio');
  });
});
