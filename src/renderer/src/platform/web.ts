import { decodeGraphBytes, MAX_FILE_BYTES } from '../../../engine';
import type { FileDialogs } from '../files/dialogStore';
import type { FileInputPort } from '../files/fileInput';
import type { OpenResult, Platform } from './types';
import { draftDatabase, webDrafts } from './webDrafts';
import { printInFrame } from '../worksheet/printFrame';

// The browser platform: Open reads a file the person picks (file input or drop), Save downloads
// `<name>.bpgraph.json`, the recovery draft lives in IndexedDB (webDrafts.ts), prompts are in-page dialogs.

export { DRAFT_KEY } from './webDrafts';

export interface WebPlatformDeps {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** the in-page dialogs (Save / Don't Save / Cancel, errors, Save As names) */
  dialogs: Pick<FileDialogs, 'askUnsaved' | 'showErrorDialog' | 'askFileName'>;
  fileInput: Pick<FileInputPort, 'choose'>;
}

export function webPlatform({ storage, dialogs, fileInput }: WebPlatformDeps): Platform {
  return {
    kind: 'web',
    openDocument: async () => {
      const file = await fileInput.choose();
      return file ? readPicked(file) : { status: 'cancelled' };
    },
    openDroppedFile: readPicked,
    async saveDocument(text, { fileName, saveAs }) {
      const chosen = saveAs ? await dialogs.askFileName('Save As', graphFileName(fileName)) : fileName;
      if (chosen === null) return { status: 'cancelled' };
      const name = graphFileName(chosen);
      download(new Blob([text], { type: 'application/json' }), name);
      return { status: 'saved', fileName: name, filePath: null };
    },
    async exportFile({ fileName, data }) {
      download(typeof data === 'string' ? new Blob([data], { type: 'text/plain' }) : data, fileName);
      return { status: 'saved', filePath: fileName };
    },
    printWorksheet: ({ html }) => printInFrame(document, html),
    ...webDrafts(draftDatabase(), storage),
    confirmUnsaved: (name) => dialogs.askUnsaved(name),
    showError: (title, message) => dialogs.showErrorDialog(title, message),
    setWindowState: ({ title }) => {
      document.title = title;
    },
    onCommand: () => () => undefined,
    onOpenRequest: () => () => undefined,
    onCloseRequest: () => () => undefined,
    closeWindow: () => undefined,
    ready: () => undefined,
  };
}

/** `name.bpgraph.json`, whatever the document was called */
export function graphFileName(fileName: string): string {
  const stem = fileName.replace(/\.bpgraph\.json$|\.json$/i, '').trim() || 'Untitled';
  return `${stem}.bpgraph.json`;
}

/** the file's bytes, decoded exactly as the command line and the desktop do: never lossily */
async function readPicked(file: File): Promise<OpenResult> {
  const fail = (message: string): OpenResult => ({ status: 'error', fileName: file.name, message });
  if (file.size > MAX_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return fail(`“${file.name}” is ${mb(file.size)}; the largest graph file Backprop Studio opens is ${mb(MAX_FILE_BYTES)}.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(`“${file.name}” could not be read; it may have been moved, or the browser may not have permission to read it.`);
  }
  const decoded = decodeGraphBytes(bytes);
  if (!decoded.ok) return fail(`“${file.name}” cannot be a graph file: ${decoded.error.message}.`);
  return { status: 'opened', text: decoded.text, fileName: file.name, filePath: null };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
