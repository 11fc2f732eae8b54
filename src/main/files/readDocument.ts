import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeGraphBytes, MAX_FILE_BYTES } from '../../engine/format/file';
import type { OpenResult } from '../../shared/ipc';

// Reads a graph file's text for the renderer, turning every way it can fail into a sentence
// that names the file and the problem. Parsing the graph is the renderer's (engine's) job.

export async function readDocument(path: string): Promise<OpenResult> {
  const fileName = basename(path);
  const fail = (message: string): OpenResult => ({ status: 'error', fileName, message });
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(`“${fileName}” is a folder, not a graph file.`);
    if (info.size > MAX_FILE_BYTES) return fail(tooLarge(fileName, info.size));
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_FILE_BYTES) return fail(tooLarge(fileName, bytes.byteLength));
    // decoded exactly as the command line and the web page do (one BOM kept for the reader)
    const decoded = decodeGraphBytes(bytes);
    if (!decoded.ok) return fail(`“${fileName}” cannot be a graph file: ${decoded.error.message}.`);
    return { status: 'opened', text: decoded.text, fileName, filePath: path };
  } catch (error) {
    return fail(describeReadError(fileName, error));
  }
}

function tooLarge(fileName: string, bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `“${fileName}” is ${mb(bytes)}; the largest graph file Backprop Studio opens is ${mb(MAX_FILE_BYTES)}.`;
}

export function describeReadError(fileName: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return `“${fileName}” could not be found. It may have been moved or deleted.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to read “${fileName}”.`;
    case 'EISDIR':
      return `“${fileName}” is a folder, not a graph file.`;
    case 'ENAMETOOLONG':
      return `“${fileName}” could not be read: its name or folder path is too long for the system.`;
    case 'EMFILE':
    case 'ENFILE':
      return `“${fileName}” could not be read: too many files are open at the moment. Close some programs and try again.`;
    case 'EIO':
      return `“${fileName}” could not be read: the disk reported a failure; it may be failing or have been removed.`;
    default:
      return `“${fileName}” could not be read because of an unexpected problem with the disk.`;
  }
}
