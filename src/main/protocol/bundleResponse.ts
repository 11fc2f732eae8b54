import { readFile, stat } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { bundlePathFor } from './bundlePath';
import { contentTypeFor } from './contentTypes';

// The app://bundle protocol's answer to one request: a file of the built renderer folder with its
// content type and our Content-Security-Policy, or 404 for anything else (outside the folder,
// folders, missing files), 405 for methods other than GET and HEAD. The CSP goes on every
// response: a page's policy comes from its HTML response, a module worker's from its script's.
// Plain module (no 'electron' import): Electron's protocol.handle takes exactly this function.

export interface BundleRequest {
  url: string;
  method: string;
}

export async function bundleResponse(root: string, request: BundleRequest): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const path = bundlePathFor(root, request.url);
  if (!path) return plain(404, 'Not found');
  const body = await readBundleFile(path, method === 'HEAD');
  if (body === 'missing') return plain(404, 'Not found');
  const headers = { ...baseHeaders(contentTypeFor(path)), 'Content-Length': String(body.size) };
  return new Response(body.bytes, { status: 200, headers });
}

type FileBody = { size: number; bytes: Uint8Array<ArrayBuffer> | null };

/** the file's bytes (none for HEAD), or 'missing' when there is no regular file at `path` */
async function readBundleFile(path: string, headOnly: boolean): Promise<FileBody | 'missing'> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'missing';
    if (headOnly) return { size: info.size, bytes: null };
    const bytes = new Uint8Array(await readFile(path));
    return { size: bytes.byteLength, bytes };
  } catch (error) {
    if (isNotFound(error)) return 'missing';
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG';
}

function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...baseHeaders('text/plain; charset=utf-8'), ...extra } });
}
