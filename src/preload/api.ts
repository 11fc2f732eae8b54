import {
  CloseRequestEvent,
  CommandEvent,
  EVENTS,
  INVOKE,
  OpenRequestEvent,
  SEND,
  type BackpropApi,
} from '../shared/ipc';

// `window.backprop`: one named function per operation. The renderer never sees ipcRenderer, the
// IPC event object, or anything of Node; events from main are checked against the contract
// before a handler sees them.

export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

export function createApi(ipc: IpcLike, webUtils: WebUtilsLike): BackpropApi {
  const call = <T>(channel: string, payload?: unknown) => ipc.invoke(channel, payload) as Promise<T>;
  const listen = <T>(channel: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
    (handler: (value: T) => void) => {
      const listener = (_event: unknown, payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) handler(parsed.data);
      };
      ipc.on(channel, listener);
      return () => void ipc.removeListener(channel, listener);
    };

  return {
    openDocument: () => call(INVOKE.open),
    openPath: (filePath) => call(INVOKE.openPath, { filePath }),
    openDroppedFile: (file) => call(INVOKE.openDropped, { filePath: webUtils.getPathForFile(file) }),
    saveDocument: (request) => call(INVOKE.save, request),
    recentFiles: () => call(INVOKE.recent),
    exportFile: (request) => call(INVOKE.exportFile, request),
    saveDraft: (draft) => call(INVOKE.saveDraft, draft),
    loadDraft: () => call(INVOKE.loadDraft),
    clearDraft: () => call(INVOKE.clearDraft),
    confirmUnsaved: (name) => call(INVOKE.confirmUnsaved, { name }),
    showError: (title, message) => call(INVOKE.showError, { title, message }),
    setWindowState: (state) => ipc.send(SEND.windowState, state),
    openExternal: (url) => call(INVOKE.openExternal, { url }),
    rendererReady: () => call(INVOKE.rendererReady),
    closeWindow: () => call(INVOKE.closeWindow),
    closeReady: () => call(INVOKE.closeReady),
    closeCancelled: () => call(INVOKE.closeCancelled),
    onCommand: listen(EVENTS.command, CommandEvent),
    onOpenRequest: listen(EVENTS.openRequest, OpenRequestEvent),
    onCloseRequest: listen(EVENTS.closeRequest, CloseRequestEvent),
  };
}
