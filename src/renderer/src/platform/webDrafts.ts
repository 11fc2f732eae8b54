import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { Draft, type DraftRequest } from '../../../shared/ipc';
import type { Platform } from './types';

// The browser's recovery draft, in IndexedDB (idb-keyval): a big document's draft is millions of
// characters, at or past localStorage's quota of about 5 MB. A draft an earlier version left in
// localStorage is moved over once. When the browser refuses to keep a draft (its quota for the
// page is used up), saveDraft rejects with a DraftNotKept saying so in words.

export const DRAFT_KEY = 'backprop-studio.recovery-draft';
const DB_NAME = 'backprop-studio';
const STORE_NAME = 'drafts';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class DraftNotKept extends Error {
  override readonly name = 'DraftNotKept';
}

/** the draft store of this page, or null where the browser has no IndexedDB */
export function draftDatabase(name = DB_NAME): UseStore | null {
  try {
    return typeof indexedDB === 'undefined' ? null : createStore(name, STORE_NAME);
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}

function notKept(error: unknown): DraftNotKept {
  return new DraftNotKept(
    isQuotaError(error)
      ? 'the browser’s storage for this page is full'
      : `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`,
  );
}

function parseDraft(value: unknown): Draft | null {
  try {
    const parsed = Draft.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function webDrafts(db: UseStore | null, storage: Storage | null, now: () => number = Date.now): Pick<Platform, 'saveDraft' | 'loadDraft' | 'clearDraft'> {
  /** a draft left in localStorage by an earlier version, moved into IndexedDB (once: it is removed there) */
  async function migrated(into: UseStore): Promise<Draft | null> {
    const old = parseDraft(storage?.getItem(DRAFT_KEY) ?? null);
    if (old) await set(DRAFT_KEY, old, into);
    storage?.removeItem(DRAFT_KEY);
    return old;
  }

  return {
    async saveDraft(draft: DraftRequest) {
      const stored: Draft = { ...draft, savedAt: now() };
      try {
        if (db) await set(DRAFT_KEY, stored, db);
        else storage?.setItem(DRAFT_KEY, JSON.stringify(stored));
      } catch (error) {
        throw notKept(error);
      }
    },
    async loadDraft() {
      if (!db) return parseDraft(storage?.getItem(DRAFT_KEY) ?? null);
      return parseDraft(await get(DRAFT_KEY, db)) ?? (await migrated(db));
    },
    async clearDraft() {
      if (db) await del(DRAFT_KEY, db);
      storage?.removeItem(DRAFT_KEY);
    },
  };
}
