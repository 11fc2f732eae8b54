import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS, INVOKE } from '../../src/shared/ipc';

// Starts the real main process (src/main/index.ts) against a stand-in for Electron, since no
// Electron binary can run here: the window it opens, the menu, the session's security handlers,
// a file named on the command line reaching the renderer once it is ready, and the page served
// from app://bundle/ (a privileged scheme registered before ready), never from file://.

const userData = mkdtempSync(join(tmpdir(), 'bp-main-'));
const launchFile = join(userData, 'launched.bpgraph.json');
writeFileSync(launchFile, '{}');
writeFileSync(join(userData, `.stray.json.1-abcd.bpgraph-tmp`), 'half a save');

const h = vi.hoisted(() => ({
  windows: [] as unknown[],
  menus: [] as unknown[],
  handlers: new Map<string, (...a: unknown[]) => unknown>(),
  permission: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  headers: null as null | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  app: null as unknown,
  ready: false,
  privileged: [] as { schemes: { scheme: string; privileges: Record<string, boolean> }[]; beforeReady: boolean }[],
  served: new Map<string, { handler: (r: Request) => Promise<Response>; beforeReady: boolean }>(),
  loaded: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeContents extends EventEmitter {
    static next = 1;
    id = FakeContents.next++;
    sent: unknown[][] = [];
    mainFrame = { url: 'app://bundle/index.html' };
    windowOpen: ((d: { url: string }) => unknown) | null = null;
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler(fn: (d: { url: string }) => unknown) {
      this.windowOpen = fn;
    }
    isCrashed() {
      return false;
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    constructor(public options: Record<string, unknown>) {
      super();
      h.windows.push(this);
      (h.app as EventEmitter).emit('web-contents-created', {}, this.webContents);
    }
    loadFile(path: string) {
      h.loaded.push(`loadFile:${path}`);
      return Promise.resolve();
    }
    loadURL(url: string) {
      h.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    focus() {}
    isMinimized() {
      return false;
    }
    static getAllWindows() {
      return h.windows;
    }
  }
  const app = Object.assign(new EventEmitter(), {
    name: 'Backprop Studio',
    isPackaged: false,
    setPath: vi.fn(),
    getPath: () => process.env.BACKPROP_STUDIO_USER_DATA,
    requestSingleInstanceLock: () => true,
    whenReady: () => new Promise((resolve) => setTimeout(() => ((h.ready = true), app.emit('ready'), resolve(undefined)), 0)),
    quit: vi.fn(),
  });
  h.app = app;
  return {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: (m: unknown) => h.menus.push(m) },
    ipcMain: { handle: (c: string, fn: (...a: unknown[]) => unknown) => h.handlers.set(c, fn), on: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: (schemes: (typeof h.privileged)[number]['schemes']) => h.privileged.push({ schemes, beforeReady: !h.ready }),
    },
    session: {
      defaultSession: {
        protocol: {
          handle: (scheme: string, handler: (r: Request) => Promise<Response>) => h.served.set(scheme, { handler, beforeReady: !h.ready }),
        },
        setPermissionRequestHandler: (fn: typeof h.permission) => (h.permission = fn),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: (fn: typeof h.headers) => (h.headers = fn) },
      },
    },
    dialog: {},
    shell: { openExternal: vi.fn() },
  };
});

// main serves the folder beside its own source folder (src/main/../renderer) as app://bundle/
const APP_URL = 'app://bundle/index.html';

type Win = EventEmitter & { options: { webPreferences: Record<string, unknown> }; webContents: EventEmitter & { id: number; sent: unknown[][]; windowOpen: (d: { url: string }) => { action: string } } };

beforeAll(async () => {
  process.env.BACKPROP_STUDIO_USER_DATA = userData;
  process.argv = [process.argv[0], launchFile];
  await import('../../src/main/index');
  await vi.waitFor(() => expect(h.windows).toHaveLength(1));
});

describe('main process start', () => {
  it('opens one window with Electron’s security settings', () => {
    const win = h.windows[0] as Win;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('refuses navigation away, new windows and every permission; puts the CSP on the app’s responses', () => {
    const win = h.windows[0] as Win;
    const navigation = { prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', navigation, 'https://example.com/');
    expect(navigation.prevented).toBe(true);
    expect(win.webContents.windowOpen({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    h.permission!({}, 'media', (ok) => answers.push(ok));
    h.permission!({}, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    h.headers!({ url: APP_URL, responseHeaders: {} }, (r) => (response = r as typeof response));
    expect(response?.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    const allowed = { prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', allowed, APP_URL);
    expect(allowed.prevented).toBe(false);
  });

  it('registers app:// as a privileged standard, secure scheme before ready, without bypassing the CSP', () => {
    expect(h.privileged).toHaveLength(1);
    expect(h.privileged[0].beforeReady).toBe(true);
    const [registration] = h.privileged[0].schemes;
    expect(registration.scheme).toBe('app');
    expect(registration.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(registration.privileges.bypassCSP).not.toBe(true);
  });

  it('loads app://bundle/index.html, served by its session from the renderer folder only', async () => {
    expect(h.loaded).toEqual([APP_URL]);
    const served = h.served.get('app');
    expect(served?.beforeReady).toBe(false);
    const page = await served!.handler(new Request(APP_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toBe(readFileSync(join(process.cwd(), 'src/renderer/index.html'), 'utf8'));
    // main's own source sits beside the renderer folder: out of reach
    expect((await served!.handler(new Request('app://bundle/%2e%2e%2fmain%2findex.ts'))).status).toBe(404);
    expect((await served!.handler(new Request('app://bundle/../main/index.ts'))).status).toBe(404);
  });

  it('sets the application menu and handles every IPC channel', () => {
    expect(h.menus.length).toBeGreaterThan(0);
    expect([...h.handlers.keys()].sort()).toEqual(Object.values(INVOKE).map((spec) => spec.channel).sort());
  });

  it('cleaned the temp file a killed save left in its data folder', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(userData).filter((n) => n.endsWith('.bpgraph-tmp'))).toEqual([]);
  });

  it('asks the renderer to open the file named on the command line once the page is ready', async () => {
    const win = h.windows[0] as Win;
    expect(win.webContents.sent.filter((m) => m[0] === EVENTS.onOpenRequest.channel)).toEqual([]);
    const from = (url: string) => {
      const frame = { url };
      return { sender: { id: win.webContents.id, mainFrame: frame }, senderFrame: frame };
    };
    await expect(h.handlers.get(INVOKE.rendererReady.channel)!(from('file:///elsewhere/index.html'), undefined)).rejects.toThrow(/refused/);
    await expect(h.handlers.get(INVOKE.rendererReady.channel)!(from(`file://${join(process.cwd(), 'src/renderer/index.html')}`), undefined)).rejects.toThrow(/refused/);
    expect(win.webContents.sent).toEqual([]);
    await h.handlers.get(INVOKE.rendererReady.channel)!(from(APP_URL), undefined);
    expect(win.webContents.sent).toEqual([[EVENTS.onOpenRequest.channel, { filePath: launchFile }]]);
    // the launch file may now be opened by path; a path nobody chose may not
    const opened = (await h.handlers.get(INVOKE.openPath.channel)!(from(APP_URL), { filePath: launchFile })) as { status: string };
    expect(opened.status).toBe('opened');
    const refused = (await h.handlers.get(INVOKE.openPath.channel)!(from(APP_URL), { filePath: join(userData, 'other.json') })) as { status: string };
    expect(refused.status).toBe('error');
  });

  it('opens a file dropped on the window from the drop main sees, never from a path the page names', async () => {
    const win = h.windows[0] as Win;
    const page = { sender: { id: win.webContents.id, mainFrame: { url: APP_URL } }, senderFrame: { url: APP_URL } };
    page.senderFrame = page.sender.mainFrame;
    const secret = join(userData, 'secret.bpgraph.json');
    const dropped = join(userData, 'dropped.bpgraph.json');
    writeFileSync(secret, '{"secret":1}');
    writeFileSync(dropped, '{"dropped":1}');
    const openedBy = async (filePath: string) =>
      ((await h.handlers.get(INVOKE.openPath.channel)!(page, { filePath })) as { status: string }).status;
    // the page names the secret file on every channel it has: none opens or grants it
    for (const [channel, handler] of h.handlers) {
      if (channel === INVOKE.openDocument.channel) continue; // main's own Open dialog: the person chooses there
      const answer = await Promise.resolve(handler(page, { filePath: secret })).catch(() => null);
      expect((answer as { status?: string } | null)?.status, channel).not.toBe('opened');
    }
    expect(await openedBy(secret)).toBe('error');
    // a sub-frame's file: navigation is no drop on the window
    const sub = { url: pathToFileURL(secret).href, isMainFrame: false, prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', sub, sub.url);
    expect(sub.prevented).toBe(true);
    expect(await openedBy(secret)).toBe('error');
    // the drop itself, as Chromium reports it to main: refused as a navigation, opened as a file
    win.webContents.sent.length = 0;
    const drop = { url: pathToFileURL(dropped).href, isMainFrame: true, prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', drop, drop.url);
    expect(drop.prevented).toBe(true);
    expect(win.webContents.sent).toEqual([[EVENTS.onOpenRequest.channel, { filePath: dropped }]]);
    expect(await openedBy(dropped)).toBe('opened');
    expect(await openedBy(secret)).toBe('error');
  });
});
