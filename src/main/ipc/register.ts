import { ipcMain, shell, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { INVOKE, SEND, type InvokeName, type SendName } from '../../shared/ipc';
import { guarded, guardedSend, type HandlerReply, type SenderInfo, type TrustPolicy } from './guard';
import { isAllowedExternalUrl } from '../security/externalLinks';
import { askUnsaved, showErrorBox } from '../dialogs';
import type { Services } from '../services';
import { printWorksheetPdf } from '../worksheet/printWorksheetPdf';

// Every renderer → main channel of the contract, each passed through the guard (sender frame,
// request schema, reply schema). The handler tables are typed by the contract, so a channel
// without a handler, or a handler answering the wrong shape, does not compile.

export type InvokeHandlers = {
  [N in InvokeName]: (
    request: z.output<(typeof INVOKE)[N]['request']>,
    sender: SenderInfo,
  ) => HandlerReply<z.input<(typeof INVOKE)[N]['reply']>> | Promise<HandlerReply<z.input<(typeof INVOKE)[N]['reply']>>>;
};

export type SendListeners = {
  [N in SendName]: (request: z.output<(typeof SEND)[N]['request']>, sender: SenderInfo) => void;
};

type Untyped = (request: unknown, sender: SenderInfo) => unknown;

export function senderInfo(event: IpcMainEvent | IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    frameUrl: frame?.url ?? null,
  };
}

/** what main does for each operation */
export function invokeHandlers(services: Services): InvokeHandlers {
  const win = (sender: SenderInfo) => services.windows.byContentsId(sender.webContentsId);
  return {
    openDocument: () => services.refreshingMenu(services.files.openWithDialog()),
    openPath: ({ filePath }) => services.refreshingMenu(services.files.openPath(filePath)),
    saveDocument: (request) => services.refreshingMenu(services.files.save(request)),
    recentFiles: () => services.recent.list(),
    exportFile: (request, sender) => services.exportFile(win(sender), request),
    printWorksheetPdf: (request, sender) => printWorksheetPdf(win(sender), request),
    saveDraft: (draft) => services.drafts.save(draft),
    loadDraft: () => services.drafts.load(),
    clearDraft: () => services.drafts.clear(),
    confirmUnsaved: ({ name }, sender) => askUnsaved(win(sender), name),
    showError: ({ title, message }, sender) => showErrorBox(win(sender), title, message),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    rendererReady: (_none, sender) => services.rendererReady(sender.webContentsId),
    closeWindow: (_none, sender) => win(sender)?.close(),
    closeReady: (_none, sender) => services.windows.closeNow(sender.webContentsId),
    closeCancelled: () => {
      services.windows.quitting = false;
    },
  };
}

export function sendListeners(services: Services): SendListeners {
  return {
    setWindowState: (state, sender) => {
      const window = services.windows.byContentsId(sender.webContentsId);
      if (!window) return;
      window.setTitle(state.title);
      if (process.platform === 'darwin') {
        window.setDocumentEdited(state.dirty);
        window.setRepresentedFilename(state.filePath ?? '');
      }
    },
  };
}

export function registerIpc(services: Services, policy: TrustPolicy): void {
  const handlers = invokeHandlers(services);
  const listeners = sendListeners(services);
  // TypeScript cannot correlate INVOKE[name] with handlers[name] for a generic name; the handler
  // tables above are checked entry by entry against the contract, and the guard checks each
  // request and reply at run time, so pairing them by name is the one cast here.
  const handle = (name: InvokeName) => {
    const run = guarded<unknown, unknown>(INVOKE[name], policy, handlers[name] as Untyped);
    ipcMain.handle(INVOKE[name].channel, (event, request: unknown) => run(senderInfo(event), request));
  };
  const listen = (name: SendName) => {
    const run = guardedSend<unknown>(SEND[name], policy, listeners[name] as Untyped);
    ipcMain.on(SEND[name].channel, (event, request: unknown) => run(senderInfo(event), request));
  };
  for (const name of namesOf(INVOKE)) handle(name);
  for (const name of namesOf(SEND)) listen(name);
}

function namesOf<T extends object>(table: T): (keyof T & string)[] {
  return Object.keys(table).filter((k): k is keyof T & string => Object.hasOwn(table, k));
}
