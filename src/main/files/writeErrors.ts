import { basename } from 'node:path';

// A failed save, said in words: which file, and what the person can do about it. Never the
// system's own text ("ENOSPC: no space left on device, open '/…/.net.json.123-ab.bpgraph-tmp'"),
// which names the hidden temp file rather than the person's.

/** why writing `target` failed, as a sentence naming the file */
export function describeWriteError(target: string, folder: string, error: unknown): string {
  return `“${basename(target)}” could not be saved: ${writeProblem(folder, error)}`;
}

function writeProblem(folder: string, error: unknown): string {
  const where = `“${basename(folder) || folder}”`;
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `its folder ${where} no longer exists (it may have been moved, renamed or unplugged). Use Save As… to choose another place.`;
    case 'EISDIR':
      return 'that name is a folder. Use Save As… to choose another name.';
    case 'EACCES':
    case 'EPERM':
      return `you do not have permission to write in the folder ${where}. Use Save As… to choose another place.`;
    case 'EROFS':
      return 'the disk it is on is read-only. Use Save As… to choose another place.';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space and save again; the file on disk is unchanged.';
    case 'ENAMETOOLONG':
      return 'the name is too long for the disk (at most 255 bytes). Use Save As… with a shorter name.';
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return 'the file is in use by another program. Close it there and save again.';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open at the moment. Close some programs and save again.';
    case 'EIO':
      return 'the disk reported a failure while writing; it may be failing or have been removed. The file on disk is unchanged.';
    default:
      return 'an unexpected problem occurred while writing to the disk. The file on disk is unchanged.';
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
