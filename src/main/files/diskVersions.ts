import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { normalize } from 'node:path';
import { isCode } from './atomicWrite';

// What each open file held on disk when we last read or wrote it (a content hash), so a save
// can tell whether someone else changed the file in the meantime and ask before overwriting.

export type Version = string | 'absent';

export function hashText(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function currentVersion(path: string): Promise<Version> {
  try {
    return hashText(await readFile(path));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'absent';
    throw error;
  }
}

export class DiskVersions {
  private readonly known = new Map<string, Version>();

  remember(path: string, version: Version): void {
    this.known.set(normalize(path), version);
  }

  /** true when the file on disk is not what we last saw (unknown files count as unchanged) */
  async changedOnDisk(path: string): Promise<boolean> {
    const known = this.known.get(normalize(path));
    if (known === undefined) return false;
    return (await currentVersion(path)) !== known;
  }
}
