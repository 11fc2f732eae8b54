import { describeIssue, parseGraph, writeGraph, type GraphFileError } from '../../../engine';
import { selectDirty, type DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { OpenResult, Platform, SaveResult } from '../platform/types';
import { MAX_IPC_TEXT } from '../../../shared/ipc';
import type { AutoLayout } from '../layout/autoLayout';
import { displayName } from './names';

// The file operations a person runs (New, Open, Save, Save As, Close), written once for the
// desktop and the browser. Anything that would discard unsaved changes asks first; a file that
// fails to load says why and leaves the open document exactly as it was.

/** the first few problems, each naming where in the file it is */
export function describeLoadError(error: GraphFileError): string {
  const shown = error.issues.slice(0, 4).map(describeIssue);
  const more = error.issues.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more problem${more === 1 ? '' : 's'}.`] : [])].join('\n');
}

export interface DocumentFlowsDeps {
  document: DocumentStore;
  notices: Pick<Notices, 'notify'>;
  platform: Platform;
  layout: Pick<AutoLayout, 'arranged'>;
  /** a new document is on the canvas: fit the view to it (its nodes may lie anywhere, or have just been laid out) */
  shown?: () => void;
}

export function createDocumentFlows({ document, notices, platform, layout, shown }: DocumentFlowsDeps) {
  /** true when it is fine to replace the document: nothing unsaved, saved now, or "Don't Save" */
  async function ensureSaved(): Promise<boolean> {
    const s = document.getState();
    if (!selectDirty(s)) return true;
    const choice = await platform.confirmUnsaved(displayName(s.fileName));
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveDocument(false);
    return true;
  }

  async function newFile(): Promise<void> {
    if (!(await ensureSaved())) return;
    document.newDocument();
    await platform.clearDraft();
  }

  async function openFile(): Promise<void> {
    if (!(await ensureSaved())) return;
    await applyOpened(await platform.openDocument());
  }

  /** a file that arrived without Open (dropped, set on the input, requested by the desktop) */
  async function openArrived(read: () => Promise<OpenResult>): Promise<void> {
    if (!(await ensureSaved())) return;
    await applyOpened(await read());
  }

  /** parse and load what was read; true when the document was replaced */
  async function applyOpened(result: OpenResult): Promise<boolean> {
    if (result.status === 'cancelled') return false;
    if (result.status === 'error') {
      await platform.showError(`Couldn’t open “${result.fileName}”`, result.message);
      return false;
    }
    const parsed = parseGraph(result.text);
    if (!parsed.ok) {
      await platform.showError(`Couldn’t open “${result.fileName}”`, describeLoadError(parsed.error));
      return false;
    }
    const arranged = await layout.arranged(parsed.doc);
    if (!arranged) {
      notices.notify(`Opening “${result.fileName}” was cancelled; the open document is unchanged.`, 'info');
      return false;
    }
    document.loadDocument(arranged, { filePath: result.filePath, fileName: result.fileName });
    shown?.();
    await platform.clearDraft();
    return true;
  }

  /** Save (to the document's file) or Save As (choose where); true when it was written */
  async function saveDocument(saveAs: boolean): Promise<boolean> {
    const s = document.getState();
    // what is written must be a file the reader accepts (size, nesting, every rule): else nothing is
    const written = writeGraph(s.doc);
    if (!written.ok) {
      await platform.showError(`Couldn’t save “${displayName(s.fileName)}”`, `${describeLoadError(written.error)}\nNothing was written; your work is still open.`);
      return false;
    }
    const text = written.text;
    const result = await platform
      .saveDocument(text, { fileName: s.fileName, filePath: s.filePath, saveAs })
      .catch((error: unknown): SaveResult => ({ status: 'error', message: refusedSave(text, error) }));
    if (result.status === 'cancelled') return false;
    if (result.status === 'error') {
      await platform.showError(`Couldn’t save “${displayName(s.fileName)}”`, result.message);
      return false;
    }
    markSavedAs(s.revision, result.filePath, result.fileName);
    await platform.clearDraft();
    notices.notify(`Saved “${result.fileName}”`, 'info');
    return true;
  }

  /** mark the revision that was written as saved, even if the person edited while it was written */
  function markSavedAs(revision: number, filePath: string | null, fileName: string): void {
    if (document.getState().revision === revision) document.markSaved({ filePath, fileName });
    else document.setState({ savedRevision: revision, filePath, fileName });
  }

  /** Close: the desktop closes the window (which asks first); the browser starts a new document */
  async function closeFile(): Promise<void> {
    if (platform.kind === 'electron') {
      platform.closeWindow();
      return;
    }
    await newFile();
  }

  /** the desktop asks to close the window: true when it may */
  async function confirmClose(): Promise<boolean> {
    if (!(await ensureSaved())) return false;
    await platform.clearDraft();
    return true;
  }

  return { ensureSaved, newFile, openFile, openArrived, applyOpened, saveDocument, closeFile, confirmClose };
}

export type DocumentFlows = ReturnType<typeof createDocumentFlows>;

/** a save the desktop's main process refused (the IPC contract: at most 60 MB) or failed on */
function refusedSave(text: string, error: unknown): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (text.length > MAX_IPC_TEXT) {
    return `The document is ${mb(new TextEncoder().encode(text).byteLength)} as a file; the desktop app saves documents up to ${mb(MAX_IPC_TEXT)}. Nothing was written; your work is still open.`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The app could not write the file (${reason}). Nothing was written; your work is still open.`;
}
