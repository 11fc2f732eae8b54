import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Draft, type DraftRequest } from '../../shared/ipc';
import { isCode, writeFileAtomic } from './atomicWrite';

// The recovery draft: the unsaved document, written a few seconds after each change, offered
// after a crash, removed after a save. One draft per app (one document window).

export class DraftStore {
  readonly path: string;

  constructor(
    folder: string,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(folder, 'recovery-draft.json');
  }

  async save(draft: DraftRequest): Promise<void> {
    const stored: Draft = { ...draft, savedAt: this.now() };
    await writeFileAtomic(this.path, JSON.stringify(stored));
  }

  /** the draft left by an earlier session, or null; a corrupt draft is treated as none */
  async load(): Promise<Draft | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    try {
      const parsed = Draft.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    try {
      await unlink(this.path);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
}
