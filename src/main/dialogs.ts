import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from './files/fileService';
import type { UnsavedChoice } from '../shared/ipc';

// Native dialogs, attached to the window as sheets where the platform has them.

const GRAPH_FILTERS = [
  { name: 'Backprop Studio graph', extensions: ['bpgraph.json', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export function fileDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseOpenPath() {
      const result = await showOpen(window(), {
        title: 'Open Graph',
        properties: ['openFile'],
        filters: GRAPH_FILTERS,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName, folder) {
      const name = suggestedName.toLowerCase().endsWith('.json') ? suggestedName : `${suggestedName}.bpgraph.json`;
      const result = await showSave(window(), {
        title: 'Save Graph',
        defaultPath: folder ? `${folder}/${name}` : name,
        filters: GRAPH_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
    confirmOverwriteChanged: (path) =>
      confirm(window(), {
        message: `“${basename(path)}” has changed on disk since you opened it.`,
        detail: 'Saving will replace the changes made outside Backprop Studio. The replaced version is kept as a .bak file.',
        yes: 'Overwrite',
      }),
    confirmReplace: (path) =>
      confirm(window(), { message: `“${basename(path)}” already exists.`, detail: 'Do you want to replace it?', yes: 'Replace' }),
  };
}

export async function chooseExportPath(window: BrowserWindow | null, fileName: string, extension: string): Promise<string | null> {
  const result = await showSave(window, {
    title: `Export ${extension.toUpperCase()}`,
    defaultPath: fileName,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled ? null : (result.filePath ?? null);
}

export async function askUnsaved(window: BrowserWindow | null, name: string): Promise<UnsavedChoice> {
  const options = {
    type: 'warning' as const,
    message: `Do you want to save the changes you made to “${name}”?`,
    detail: 'Your changes will be lost if you don’t save them.',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

export async function showErrorBox(window: BrowserWindow | null, title: string, message: string): Promise<void> {
  const options = { type: 'error' as const, message: title, detail: message, buttons: ['OK'], noLink: true };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

async function confirm(window: BrowserWindow | null, o: { message: string; detail: string; yes: string }): Promise<boolean> {
  const options = { type: 'warning' as const, message: o.message, detail: o.detail, buttons: [o.yes, 'Cancel'], defaultId: 1, cancelId: 1, noLink: true };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

function showOpen(window: BrowserWindow | null, options: Electron.OpenDialogOptions) {
  return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
}

function showSave(window: BrowserWindow | null, options: Electron.SaveDialogOptions) {
  return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
}
