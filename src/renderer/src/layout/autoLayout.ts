import { loadDocument, replaceDocument, useDocument } from '../store/document';
import { notify } from '../store/notices';
import { laidOut, needsLayout } from './elkLayout';

/** the "Auto layout" command: one undoable edit */
export async function runAutoLayout(): Promise<void> {
  const before = useDocument.getState().doc;
  try {
    const next = await laidOut(before);
    if (useDocument.getState().doc !== before) return; // edited meanwhile: drop the stale layout
    replaceDocument(next, 'Auto layout');
  } catch (err) {
    notify(`Automatic layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}

/**
 * A file that carries no positions is laid out as soon as it is loaded. Loading cleared the
 * history and marked the document saved, so the laid-out version replaces it the same way:
 * still clean, nothing to undo.
 */
export function startLayoutOnLoad(): () => void {
  const check = async () => {
    const s = useDocument.getState();
    if (s.past.length > 0 || s.future.length > 0 || s.revision !== s.savedRevision || !needsLayout(s.doc)) return;
    try {
      const next = await laidOut(s.doc);
      const now = useDocument.getState();
      if (now.doc !== s.doc) return;
      loadDocument(next, { filePath: now.filePath, fileName: now.fileName });
    } catch (err) {
      notify(`Automatic layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };
  void check();
  return useDocument.subscribe((s, prev) => {
    if (s.doc !== prev.doc) void check();
  });
}
