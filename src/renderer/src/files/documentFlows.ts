import { describeIssue, parseGraph, serializeGraph, type GraphFileError } from '../../../engine';
import { loadDocument, markSaved, newDocument, selectDirty, useDocument } from '../store/document';
import { notify } from '../store/notices';
import { platform } from '../platform';
import type { OpenResult } from '../platform/types';
import { arranged } from '../layout/autoLayout';
import { displayName } from './names';

// The file operations a person runs (New, Open, Save, Save As, Close), written once for the
// desktop and the browser. Anything that would discard unsaved changes asks first; a file that
// fails to load says why and leaves the open document exactly as it was.

/** true when it is fine to replace the document: nothing unsaved, saved now, or "Don't Save" */
export async function ensureSaved(): Promise<boolean> {
  const s = useDocument.getState();
  if (!selectDirty(s)) return true;
  const choice = await platform.confirmUnsaved(displayName(s.fileName));
  if (choice === 'cancel') return false;
  if (choice === 'save') return saveDocument(false);
  return true;
}

export async function newFile(): Promise<void> {
  if (!(await ensureSaved())) return;
  newDocument();
  await platform.clearDraft();
}

export async function openFile(): Promise<void> {
  if (!(await ensureSaved())) return;
  await applyOpened(await platform.openDocument());
}

/** a file that arrived without Open (dropped, set on the input, requested by the desktop) */
export async function openArrived(read: () => Promise<OpenResult>): Promise<void> {
  if (!(await ensureSaved())) return;
  await applyOpened(await read());
}

/** parse and load what was read; true when the document was replaced */
export async function applyOpened(result: OpenResult): Promise<boolean> {
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
  loadDocument(await arranged(parsed.doc), { filePath: result.filePath, fileName: result.fileName });
  await platform.clearDraft();
  return true;
}

/** the first few problems, each naming where in the file it is */
export function describeLoadError(error: GraphFileError): string {
  const shown = error.issues.slice(0, 4).map(describeIssue);
  const more = error.issues.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more problem${more === 1 ? '' : 's'}.`] : [])].join('\n');
}

/** Save (to the document's file) or Save As (choose where); true when it was written */
export async function saveDocument(saveAs: boolean): Promise<boolean> {
  const s = useDocument.getState();
  let text: string;
  try {
    text = serializeGraph(s.doc);
  } catch (error) {
    await platform.showError(`Couldn’t save “${displayName(s.fileName)}”`, error instanceof Error ? error.message : String(error));
    return false;
  }
  const result = await platform.saveDocument(text, { fileName: s.fileName, filePath: s.filePath, saveAs });
  if (result.status === 'cancelled') return false;
  if (result.status === 'error') {
    await platform.showError(`Couldn’t save “${displayName(s.fileName)}”`, result.message);
    return false;
  }
  markSavedAs(s.revision, result.filePath, result.fileName);
  await platform.clearDraft();
  notify(`Saved “${result.fileName}”`, 'info');
  return true;
}

/** mark the revision that was written as saved, even if the person edited while it was written */
function markSavedAs(revision: number, filePath: string | null, fileName: string): void {
  if (useDocument.getState().revision === revision) markSaved({ filePath, fileName });
  else useDocument.setState({ savedRevision: revision, filePath, fileName });
}

/** Close: the desktop closes the window (which asks first); the browser starts a new document */
export async function closeFile(): Promise<void> {
  if (platform.kind === 'electron') {
    platform.closeWindow();
    return;
  }
  await newFile();
}

/** the desktop asks to close the window: true when it may */
export async function confirmClose(): Promise<boolean> {
  if (!(await ensureSaved())) return false;
  await platform.clearDraft();
  return true;
}
