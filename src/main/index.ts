import { app, BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hardenApp } from './security/hardening';
import { isAppUrl, type AppEntry } from './security/appUrl';
import { registerAppScheme, serveBundle } from './protocol/register';
import { registerIpc } from './ipc/register';
import { fileFromArgs } from './launchArgs';
import { Services } from './services';
import { createMainWindow } from './window';

// The Electron main process: one document window, menus, native file dialogs, atomic saving,
// recovery drafts, and every IPC request checked. Logic lives in plain modules beside this one.

const here = dirname(fileURLToPath(import.meta.url));
const entry: AppEntry = process.env.ELECTRON_RENDERER_URL
  ? { kind: 'dev', url: process.env.ELECTRON_RENDERER_URL }
  : { kind: 'bundle', root: join(here, '../renderer') };
const preloadPath = join(here, '../preload/index.cjs');
const argSkip = process.defaultApp ? 2 : 1;

// tests run the app against a throwaway data folder
if (process.env.BACKPROP_STUDIO_USER_DATA) app.setPath('userData', process.env.BACKPROP_STUDIO_USER_DATA);

// the page is served from app://bundle/, not file:// (a real origin for CSP 'self' and the
// module worker); Electron accepts the scheme's privileges only before ready
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main();
}

function main(): void {
  hardenApp(app, (url) => isAppUrl(entry, url));
  let services: Services | null = null;
  const early: string[] = [];
  const launchFile = fileFromArgs(process.argv, process.cwd(), argSkip);
  if (launchFile) early.push(launchFile);

  const openWindow = () => {
    if (!services) return;
    const window = createMainWindow(entry, preloadPath);
    services.windows.add(window);
    services.acceptDrops(window.webContents);
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services) services.requestOpen(path);
    else early.push(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    const path = fileFromArgs(argv, cwd, argSkip);
    if (path) services?.requestOpen(path);
    else services?.windows.first()?.focus();
  });
  app.on('before-quit', () => {
    if (services) services.windows.quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(async () => {
    if (entry.kind === 'bundle') serveBundle(entry.root);
    const ready = new Services(app.getPath('userData'));
    services = ready;
    registerIpc(ready, { windowIds: () => ready.windows.ids(), isAppUrl: (url) => isAppUrl(entry, url) });
    await ready.start();
    openWindow();
    for (const path of early.splice(0)) ready.requestOpen(path);
  });
}
