import { createStore } from 'zustand/vanilla';
import { parseGraph, writeGraph } from '../../../engine';
import { selectDirty, type DocumentState, type DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { Platform } from '../platform/types';
import type { Draft } from '../platform/types';
import type { TimerId } from '../studio/env';

// Never lose a document: a few seconds after a change, and at once when the page is hidden or
// closing, the unsaved document is written as a recovery draft (desktop: the app's data folder;
// browser: IndexedDB). Saving, opening or starting a new document removes it. A draft found at
// start — the app crashed or the tab was closed with unsaved changes — is offered back. When a
// draft cannot be kept (the browser's quota, a full disk) the person is told, once, in words.

export const DRAFT_DELAY_MS = 2000;
/**
 * changes that leave no undo entry — training's weights while it runs — are drafted this long
 * after: a draft is a whole serialised, re-read document on the main thread (25-30 ms for the
 * 200-neuron DAG, a frame lost each time), and a crash loses at most these seconds of training,
 * which Play makes again; the pause that ends a run is an undoable edit, drafted within DRAFT_DELAY_MS
 */
export const BACKGROUND_DRAFT_DELAY_MS = 20_000;
/**
 * drafts up to this many characters (about 8,000 examples) are read back before they are kept:
 * reading back costs ~80 ms per 1,000 examples on a busy machine (writeGraph on 10,000 examples:
 * 834 ms), too much to repeat every few seconds; bigger drafts are size-checked only
 */
export const DRAFT_REREAD_CHARS = 1_000_000;

export interface RecoveryState {
  offer: Draft | null;
}

export interface RecoveryDeps {
  document: DocumentStore;
  notices: Pick<Notices, 'notify'>;
  platform: Pick<Platform, 'loadDraft' | 'saveDraft' | 'clearDraft'>;
  timers: { setTimeout(fn: () => void, ms: number): TimerId; clearTimeout(id: TimerId): void; now(): number };
  /** calls `fn` when the page is hidden or closing (pagehide, visibilitychange to hidden); returns the unsubscribe */
  page: { onPageHidden(fn: () => void): () => void };
}

/** the reason in a platform's error, without the IPC's wrapping ("Error invoking remote method 'x': Error: …") */
export function draftFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(\w*Error):\s*/, '');
}

export function createRecovery({ document, notices, platform, timers, page }: RecoveryDeps) {
  const store = createStore<RecoveryState>(() => ({ offer: null }));
  // said once until a draft is kept again, so a full disk is not a notice every two seconds
  let warned = false;
  // the revision the last draft holds (a hidden page with nothing new writes nothing)
  let written: number | null = null;

  /** look for a draft from an earlier session; call before startAutosave */
  async function findDraft(): Promise<void> {
    const draft = await platform.loadDraft();
    if (draft && parseGraph(draft.text).ok) store.setState({ offer: draft });
    else if (draft) await platform.clearDraft();
  }

  function restoreDraft(): void {
    const draft = store.getState().offer;
    if (!draft) return;
    const parsed = parseGraph(draft.text);
    store.setState({ offer: null });
    if (!parsed.ok) {
      notices.notify('The recovered draft could not be read.', 'error');
      return;
    }
    document.loadDocument(parsed.doc, { filePath: draft.filePath, fileName: draft.fileName });
    // recovered work is unsaved work: no revision is ever -1, so the document reads as dirty
    document.setState({ savedRevision: -1 });
  }

  function discardDraft(): void {
    store.setState({ offer: null });
    void platform.clearDraft();
  }

  /**
   * write a draft `delayMs` after an edit (at most once per delay), `backgroundMs` after a change
   * with no undo entry (training's weights); an edit brings a later background draft forward
   */
  function startAutosave(delayMs = DRAFT_DELAY_MS, backgroundMs = BACKGROUND_DRAFT_DELAY_MS): () => void {
    let timer: TimerId | null = null;
    let due = Infinity;
    const cancel = () => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      due = Infinity;
    };
    const schedule = (ms: number) => {
      const at = timers.now() + ms;
      if (timer !== null && due <= at) return;
      cancel();
      due = at;
      timer = timers.setTimeout(() => {
        timer = null;
        due = Infinity;
        void writeDraft(document.getState());
      }, ms);
    };
    /** the page may be about to go: write what is pending now */
    const flush = () => {
      const s = document.getState();
      if (timer === null && s.revision === written) return;
      cancel();
      void writeDraft(s);
    };
    const offHidden = page.onPageHidden(flush);
    const unsubscribe = document.subscribe((s, prev) => {
      if (s.revision === prev.revision && s.savedRevision === prev.savedRevision) return;
      if (!selectDirty(s)) {
        cancel();
        if (selectDirty(prev) || s.revision !== prev.revision) void platform.clearDraft();
        return;
      }
      const edited = s.past !== prev.past || s.future !== prev.future || s.savedRevision !== prev.savedRevision;
      schedule(edited ? delayMs : backgroundMs);
    });
    return () => {
      cancel();
      offHidden();
      unsubscribe();
    };
  }

  async function writeDraft(s: DocumentState): Promise<void> {
    if (!selectDirty(s)) return;
    // a draft is a file the app reads back (writeGraph re-reads it): a document that cannot be
    // written (non-finite weights, past the size limit…) keeps the previous draft, and says so once
    const checked = writeGraph(s.doc, { rereadUpToChars: DRAFT_REREAD_CHARS });
    if (!checked.ok) {
      warnOnce(checked.error.message);
      return;
    }
    const { text } = checked;
    written = s.revision;
    try {
      await platform.saveDraft({ text, fileName: s.fileName, filePath: s.filePath });
      warned = false;
    } catch (error) {
      written = null;
      warnOnce(draftFailureReason(error));
    }
  }

  function warnOnce(reason: string): void {
    if (warned) return;
    warned = true;
    notices.notify(`Recovery is off: your unsaved changes could not be kept as a recovery draft (${reason}). Save the document to keep your work.`, 'error');
  }

  return Object.assign(store, { findDraft, restoreDraft, discardDraft, startAutosave });
}

export type Recovery = ReturnType<typeof createRecovery>;
