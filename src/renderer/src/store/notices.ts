import { create } from 'zustand';

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

interface NoticeState {
  notices: Notice[];
}

export const useNotices = create<NoticeState>(() => ({ notices: [] }));

let nextId = 1;
const AUTO_DISMISS_MS: Record<NoticeKind, number> = { info: 3000, warning: 6000, error: 0 };

export function notify(message: string, kind: NoticeKind = 'info', at?: Notice['at']): number {
  const id = nextId++;
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-4), { id, kind, message, at }] }));
  const ms = AUTO_DISMISS_MS[kind];
  if (ms > 0) setTimeout(() => dismiss(id), ms);
  return id;
}

export function dismiss(id: number): void {
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
