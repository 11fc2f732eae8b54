import { create } from 'zustand';
import { parseGraph, serializeGraph } from '../../../engine';
import { loadDocument, selectDirty, useDocument, type DocumentState } from '../store/document';
import { notify } from '../store/notices';
import { platform } from '../platform';
import type { Draft } from '../platform/types';

// Never lose a document: a few seconds after a change, the unsaved document is written as a
// recovery draft (desktop: the app's data folder; browser: localStorage). Saving, opening or
// starting a new document removes it. A draft found at start — the app crashed or the tab was
// closed with unsaved changes — is offered back.

export const DRAFT_DELAY_MS = 2000;

interface RecoveryState {
  offer: Draft | null;
}

export const useRecovery = create<RecoveryState>(() => ({ offer: null }));

/** look for a draft from an earlier session; call before startDraftAutosave */
export async function findDraft(): Promise<void> {
  const draft = await platform.loadDraft();
  if (draft && parseGraph(draft.text).ok) useRecovery.setState({ offer: draft });
  else if (draft) await platform.clearDraft();
}

export function restoreDraft(): void {
  const draft = useRecovery.getState().offer;
  if (!draft) return;
  const parsed = parseGraph(draft.text);
  useRecovery.setState({ offer: null });
  if (!parsed.ok) {
    notify('The recovered draft could not be read.', 'error');
    return;
  }
  loadDocument(parsed.doc, { filePath: draft.filePath, fileName: draft.fileName });
  // recovered work is unsaved work: no revision is ever -1, so the document reads as dirty
  useDocument.setState({ savedRevision: -1 });
}

export function discardDraft(): void {
  useRecovery.setState({ offer: null });
  void platform.clearDraft();
}

/** write a draft DRAFT_DELAY_MS after a change (at most once per delay, even while training) */
export function startDraftAutosave(delayMs = DRAFT_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const unsubscribe = useDocument.subscribe((s, prev) => {
    if (s.revision === prev.revision && s.savedRevision === prev.savedRevision) return;
    if (!selectDirty(s)) {
      cancel();
      if (selectDirty(prev) || s.revision !== prev.revision) void platform.clearDraft();
      return;
    }
    timer ??= setTimeout(() => {
      timer = null;
      void writeDraft(useDocument.getState());
    }, delayMs);
  });
  return () => {
    cancel();
    unsubscribe();
  };
}

async function writeDraft(s: DocumentState): Promise<void> {
  if (!selectDirty(s)) return;
  try {
    await platform.saveDraft({ text: serializeGraph(s.doc), fileName: s.fileName, filePath: s.filePath });
  } catch {
    /* a document that cannot be serialised (non-finite weights) keeps the previous draft */
  }
}
