import { createHash, randomBytes } from 'node:crypto';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Crash-safe writing: the data goes to a temp file in the target's own folder, is flushed to
// disk (fsync), then renamed over the target, so a reader — or the app after a crash — sees the
// old file or the new one, never half of one. The previous version is kept beside it as a backup.
// This module imports nothing but Node built-ins so a child process can run it in a kill test.

export const TEMP_SUFFIX = '.bpgraph-tmp';
export const BACKUP_SUFFIX = '.bak';
/** the longest file name ext4, APFS and NTFS allow, counted in UTF-8 bytes (never fewer than
 *  NTFS's UTF-16 units): a temp or backup name beside a long name must still fit */
export const MAX_NAME_BYTES = 255;

/** `.<name>.<pid>-<random>.bpgraph-tmp`, the name cut short so that the whole fits */
export function tempPathFor(target: string): string {
  const tail = `.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  const stem = fitBytes(basename(target), MAX_NAME_BYTES - 1 - byteLength(tail));
  return join(dirname(target), `.${stem}${tail}`);
}

/** `<name>.bak`; a name too long for that becomes `<start of name>~<hash of name>.bak` */
export function backupPathFor(target: string): string {
  const name = basename(target);
  if (byteLength(name + BACKUP_SUFFIX) <= MAX_NAME_BYTES) return target + BACKUP_SUFFIX;
  const tail = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}${BACKUP_SUFFIX}`;
  return join(dirname(target), fitBytes(name, MAX_NAME_BYTES - byteLength(tail)) + tail);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** the longest start of `text` (whole code points) whose UTF-8 form has at most `max` bytes */
function fitBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += byteLength(ch);
    if (bytes > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

export interface AtomicWriteOptions {
  /** keep the file being replaced as `<target>.bak` */
  backup?: boolean;
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target);
  await writeAndSync(temp, data);
  try {
    if (options.backup) await backupExisting(target);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target));
}

async function writeAndSync(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** copy the current target to `<target>.bak`, itself atomically; nothing to do if it is absent */
async function backupExisting(target: string): Promise<void> {
  const temp = tempPathFor(backupPathFor(target));
  try {
    await copyFile(target, temp);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return;
    throw error;
  }
  await rename(temp, backupPathFor(target));
}

/** make the rename itself durable; folders cannot be opened for sync on Windows, which is fine */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** remove temp files a killed save left behind in `folder`; returns the names removed */
export async function cleanStrayTemps(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const stray = names.filter((n) => n.startsWith('.') && n.endsWith(TEMP_SUFFIX));
  const removed: string[] = [];
  for (const name of stray) {
    try {
      await unlink(join(folder, name));
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
