// Reading a graph file from disk (with readable errors) and writing one atomically.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, describeIssue, parseGraphBytes, type GraphDoc } from '../engine';
import { CliError } from './errors';
import { tempPathFor } from '../main/files/atomicWrite';

/** FILE as the user meant it: relative to where they typed `npm run cli`, not to the package root */
export function resolveUserPath(file: string): string {
  const base = process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  return path.resolve(base, file);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'part of its path is not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long for the disk (at most 255 bytes)';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return `an unexpected problem with the disk (${code ?? 'no system code'})`;
  }
}

/** the parsed, validated document, or a CliError naming the file and what is wrong */
export function readGraphFile(file: string): GraphDoc {
  const full = resolveUserPath(file);
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(full);
    if (stat.isDirectory()) throw new CliError(`cannot read ${file}: it is a folder, not a graph file`);
    if (stat.size > MAX_FILE_BYTES) {
      throw new CliError(`cannot read ${file}: the file is ${(stat.size / 2 ** 20).toFixed(1)} MB; graph files are limited to 50 MB`);
    }
    bytes = fs.readFileSync(full);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${file}: ${describeFsError(err)}`);
  }
  const parsed = parseGraphBytes(bytes);
  if (parsed.ok) return parsed.doc;
  const [first, ...more] = parsed.error.issues;
  const details = more.slice(0, 9).map((i) => `  also: ${describeIssue(i)}`);
  if (more.length > 9) details.push(`  … and ${more.length - 9} more`);
  throw new CliError(`${file}: ${describeIssue(first)}`, 1, details);
}

/** temp file in the same folder, fsync, rename: a crash leaves the old file or the new one, never half of one */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const full = resolveUserPath(file);
  const dir = path.dirname(full);
  // the temp name fits the 255-byte limit beside a long name (as the app's, main/files/atomicWrite.ts)
  const temp = tempPathFor(full);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, full);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : describeFsError(err);
    throw new CliError(`cannot write ${file}: ${why}`);
  }
  syncFolder(dir);
}

/** make the rename itself durable (not supported everywhere, so best effort) */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic
  }
}
