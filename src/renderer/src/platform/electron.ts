import type { BackpropApi } from '../../../shared/ipc';
import type { Platform } from './types';

// The desktop platform: every operation goes through the preload's `window.backprop`, whose
// functions, requests and (validated) replies are the IPC contract's (src/shared/ipc.ts).

export function electronPlatform(api: BackpropApi): Platform {
  return {
    kind: 'electron',
    openDocument: () => api.openDocument(),
    // a dropped graph file reaches main itself (dropOpen.ts lets it through; main/files/droppedFile.ts):
    // main never takes a path from the page as the person's choice
    openDroppedFile: async (file) => ({
      status: 'error',
      fileName: file.name,
      message: `Open “${file.name}” with File › Open…, or drop it on the window.`,
    }),
    saveDocument: (text, o) => api.saveDocument({ text, fileName: o.fileName, filePath: o.filePath, saveAs: o.saveAs }),
    async exportFile({ fileName, kind, data }) {
      if (typeof data === 'string') return api.exportFile({ fileName, kind, data, encoding: 'utf8' });
      return api.exportFile({ fileName, kind, data: await blobToBase64(data), encoding: 'base64' });
    },
    printWorksheet: ({ html, fileName }) => api.printWorksheetPdf({ html, fileName }),
    saveDraft: (draft) => api.saveDraft(draft),
    loadDraft: () => api.loadDraft(),
    clearDraft: () => api.clearDraft(),
    confirmUnsaved: (name) => api.confirmUnsaved({ name }),
    showError: (title, message) => api.showError({ title, message }),
    setWindowState: (state) => {
      document.title = state.title;
      api.setWindowState(state);
    },
    onCommand: (handler) => api.onCommand(handler),
    onOpenRequest: (handler) => api.onOpenRequest(({ filePath }) => handler(() => api.openPath({ filePath }))),
    onCloseRequest: (handler) =>
      api.onCloseRequest(() => {
        void handler().then((close) => (close ? api.closeReady() : api.closeCancelled()));
      }),
    closeWindow: () => void api.closeWindow(),
    ready: () => void api.rendererReady(),
  };
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
