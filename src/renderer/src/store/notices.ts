import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TimerId } from '../studio/env';
import { isFreshDocument, type DocumentStore } from './document';

// Short messages shown where the person is looking: a refused connection, a file that failed
// to load, training paused by divergence. Each has an id so it can be dismissed.
export type NoticeKind = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  /** screen position (client px) to show the notice near, e.g. the cursor; else a corner */
  at?: { x: number; y: number };
}

export interface NoticeState {
  notices: readonly Notice[];
}

const AUTO_DISMISS_MS: Record<NoticeKind, number> = { info: 3000, warning: 6000, error: 0 };
/** at most this many notices stand at once (the oldest goes) */
const MAX_SHOWN = 5;

export interface Notices extends StoreApi<NoticeState> {
  notify(message: string, kind?: NoticeKind, at?: Notice['at']): number;
  dismiss(id: number): void;
  /** every notice goes (a new document: what was said about the old one no longer holds) */
  clear(): void;
}

export function createNotices(timers: { setTimeout(fn: () => void, ms: number): TimerId }): Notices {
  const store = createStore<NoticeState>(() => ({ notices: [] }));
  let nextId = 1;
  const dismiss = (id: number) => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  return Object.assign(store, {
    notify(message: string, kind: NoticeKind = 'info', at?: Notice['at']): number {
      const id = nextId++;
      store.setState((s) => ({ notices: [...s.notices.slice(-(MAX_SHOWN - 1)), { id, kind, message, at }] }));
      const ms = AUTO_DISMISS_MS[kind];
      if (ms > 0) timers.setTimeout(() => dismiss(id), ms);
      return id;
    },
    dismiss,
    clear: () => store.setState({ notices: [] }),
  });
}

/** clears every notice when another document opens (New, Open, a template); returns the unsubscribe */
export function clearOnNewDocument(notices: Pick<Notices, 'clear'>, document: Pick<DocumentStore, 'subscribe'>): () => void {
  return document.subscribe((s, prev) => {
    if (s.revision !== prev.revision && s.doc !== prev.doc && isFreshDocument(s)) notices.clear();
  });
}
