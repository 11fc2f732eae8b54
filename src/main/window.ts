import { BrowserWindow } from 'electron';
import { entryUrl, type AppEntry } from './security/appUrl';

// The document window. Its webPreferences are Electron's secure defaults, spelled out so a
// reader (and the e2e test reading getLastWebPreferences) sees them.

export function createMainWindow(entry: AppEntry, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Backprop Studio',
    backgroundColor: '#f7f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl(entry));
  return window;
}
