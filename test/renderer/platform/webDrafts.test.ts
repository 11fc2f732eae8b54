import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { UseStore } from 'idb-keyval';
import { DRAFT_KEY, DraftNotKept, draftDatabase, webDrafts } from '../../../src/renderer/src/platform/webDrafts';

/** localStorage as browsers give it: about 5 M characters, then QuotaExceededError */
function quotaStorage(limit = 5_000_000) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (v.length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
}

let databases = 0;
/** a database of its own for each test */
const fresh = () => draftDatabase(`drafts-test-${++databases}`);

describe('browser drafts in IndexedDB', () => {
  it('keeps the draft of a big document (past localStorage’s quota) and gives it back', async () => {
    const storage = quotaStorage();
    const drafts = webDrafts(fresh(), storage, () => 99);
    const text = 'x'.repeat(6_000_000);
    await drafts.saveDraft({ text, fileName: 'big.bpgraph.json', filePath: null });
    expect(storage.data.size).toBe(0);
    expect(await drafts.loadDraft()).toEqual({ text, fileName: 'big.bpgraph.json', filePath: null, savedAt: 99 });
    await drafts.clearDraft();
    expect(await drafts.loadDraft()).toBeNull();
  });

  it('moves a draft an earlier version left in localStorage into IndexedDB, once', async () => {
    const storage = quotaStorage();
    const old = { text: '{}', fileName: 'old.bpgraph.json', filePath: null, savedAt: 5 };
    storage.setItem(DRAFT_KEY, JSON.stringify(old));
    const db = fresh();
    expect(await webDrafts(db, storage).loadDraft()).toEqual(old);
    expect(storage.data.has(DRAFT_KEY)).toBe(false);
    expect(await webDrafts(db, storage).loadDraft()).toEqual(old);
  });

  it('ignores anything that is not a draft', async () => {
    const storage = quotaStorage();
    storage.setItem(DRAFT_KEY, '{"text": 1}');
    expect(await webDrafts(fresh(), storage).loadDraft()).toBeNull();
  });

  it('says in words when the browser refuses to keep a draft (quota)', async () => {
    const full: UseStore = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const save = webDrafts(full, quotaStorage()).saveDraft({ text: '{}', fileName: 'a', filePath: null });
    await expect(save).rejects.toBeInstanceOf(DraftNotKept);
    await expect(save).rejects.toThrow('the browser’s storage for this page is full');
  });

  it('without IndexedDB, localStorage’s quota error is said in words too', async () => {
    const save = webDrafts(null, quotaStorage(10)).saveDraft({ text: 'x'.repeat(100), fileName: 'a', filePath: null });
    await expect(save).rejects.toThrow('the browser’s storage for this page is full');
  });
});
