import type { GraphDoc } from '../../../engine';
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

/** a document ready to show: laid out first when it carries no positions or its nodes overlap */
export async function arranged(doc: GraphDoc): Promise<GraphDoc> {
  if (!needsLayout(doc)) return doc;
  try {
    return await laidOut(doc);
  } catch (err) {
    notify(`Automatic layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return doc;
  }
}

/**
 * A file that carries no positions is laid out as soon as it is loaded (file flows await
 * `arranged` before loading, so this catches any other way a document arrives). Loading cleared the
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
      loadDocument(next, { filePath: now.filePath, fileName: now.named ? now.fileName : undefined });
    } catch (err) {
      notify(`Automatic layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };
  void check();
  return useDocument.subscribe((s, prev) => {
    if (s.doc !== prev.doc) void check();
  });
}
