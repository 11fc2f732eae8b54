import { readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Draft, type DraftRequest } from '../../shared/ipc';
import { isCode, writeFileAtomic } from './atomicWrite';

// The recovery draft: the unsaved document, written a few seconds after each change, offered
// after a crash, removed after a save. One draft per app (one document window). A draft that
// cannot be written is refused with the reason in words (a full disk, a read-only folder), never
// the raw errno naming the hidden temp file: the renderer tells the person recovery is off.

/** why a draft could not be written, in words, by the error's code */
const REASONS: Record<string, (folder: string) => string> = {
  ENOSPC: (f) => `the disk holding ${f} is full`,
  EDQUOT: (f) => `the disk quota for ${f} is used up`,
  EROFS: (f) => `${f} is on a read-only disk`,
  EACCES: (f) => `the app may not write to ${f}`,
  EPERM: (f) => `the app may not write to ${f}`,
};

export function draftWriteReason(error: unknown, folder: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  return reason ? reason(folder) : `writing to ${folder} failed (${typeof code === 'string' ? code : 'unknown error'})`;
}

export class DraftStore {
  readonly path: string;

  constructor(
    folder: string,
    private readonly now: () => number = Date.now,
    private readonly write: (target: string, data: string) => Promise<void> = writeFileAtomic,
  ) {
    this.path = join(folder, 'recovery-draft.json');
  }

  async save(draft: DraftRequest): Promise<void> {
    const stored: Draft = { ...draft, savedAt: this.now() };
    try {
      await this.write(this.path, JSON.stringify(stored));
    } catch (error) {
      throw new Error(draftWriteReason(error, dirname(this.path)), { cause: error });
    }
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
