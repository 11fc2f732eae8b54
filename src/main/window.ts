import { BrowserWindow } from 'electron';
import { entryUrl, type AppEntry } from './security/appUrl';

// The document window. Its webPreferences are Electron's secure defaults, spelled out so a
// reader (and the e2e test reading getLastWebPreferences) sees them — but one: a dropped file
// navigates (`navigateOnDragDrop`), so that main sees the drop itself and never has to trust a
// path the renderer names (files/droppedFile.ts); every such navigation is refused.

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
      navigateOnDragDrop: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl(entry));
  return window;
}
