import { Unzlib, strFromU8, strToU8, zlibSync } from 'fflate';
import { MAX_FILE_BYTES, writeGraph, type GraphDoc } from '../../../engine';
import { describeLoadError } from './documentFlows';

// A share link: the whole document, as the graph file's JSON (written by the checked writer,
// writeGraph), compressed into the page address's fragment: `…/index.html#doc=<data>`. The
// fragment never leaves the browser (RFC 3986 §3.5: it is not sent to the server), so a link
// is the document itself and needs no server.
//
// Compression: fflate's zlib (DEFLATE, RFC 1950/1951) rather than lz-string: fflate is small,
// dependency-free, maintained and synchronous (a link is made inside the click that copies it);
// zlib is the standard format, so anyone can read a link back with any zlib (Python:
// `zlib.decompress(base64.urlsafe_b64decode(data + '=='))`), and its trailer carries a checksum,
// so a link cut short or changed in transit is told apart from a document. The browser's own
// CompressionStream is asynchronous and absent from older browsers.

/** the fragment's key: `#doc=<data>` */
export const SHARE_KEY = 'doc';

/**
 * The longest link we hand out, in characters (the whole address: origin, path and fragment).
 * Chromium accepts URLs up to 2 MB, but its address bar shows at most 32 kB of one
 * (kMaxURLDisplayChars = 32 × 1024; chromium docs/security/url_display_guidelines.md): past that a
 * link opened from a slide or a chat can no longer be seen or copied whole from the address
 * bar. 32,000 characters for the whole link stays under that display limit.
 * The fragment is never sent to a server (RFC 3986 §3.5), so servers' limits (RFC 9110 §4.1's
 * 8,000 octets) do not apply.
 */
export const SHARE_LINK_MAX_CHARS = 32_000;

/** the most link data we even try to read (Chromium's URL limit, 2 MB): anything longer is no link of ours */
export const SHARE_DATA_MAX_CHARS = 2 * 1024 * 1024;

/** base64url's alphabet (RFC 4648 §5), no padding */
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** input bytes pushed at a time while inflating, so a "zip bomb" is stopped near the limit rather than after it */
const INFLATE_CHUNK = 4096;

export type ShareLinkResult =
  | { ok: true; url: string }
  | { ok: false; reason: 'too-long'; length: number; message: string }
  | { ok: false; reason: 'unwritable'; message: string };

export type SharedDocText =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'bad'; message: string };

/** `pageUrl` without its fragment, then `#doc=` and the document compressed */
export function shareLink(doc: GraphDoc, pageUrl: string): ShareLinkResult {
  const written = writeGraph(doc);
  if (!written.ok) {
    return { ok: false, reason: 'unwritable', message: `This document cannot be written as a file, so it cannot be shared:\n${describeLoadError(written.error)}` };
  }
  // the same JSON value without the file's indentation: a shorter link, read back alike
  const compact = JSON.stringify(JSON.parse(written.text));
  const data = toBase64Url(zlibSync(strToU8(compact), { level: 9 }));
  const url = `${pageUrl.split('#')[0]}#${SHARE_KEY}=${data}`;
  if (url.length > SHARE_LINK_MAX_CHARS) {
    return {
      ok: false,
      reason: 'too-long',
      length: url.length,
      message:
        `A link to this document would be ${url.length.toLocaleString('en-US')} characters long; ` +
        `share links are kept to ${SHARE_LINK_MAX_CHARS.toLocaleString('en-US')} characters, so a browser's address bar can still show and copy all of one. ` +
        'Save the file instead and share that (fewer examples or a smaller graph would also fit).',
    };
  }
  return { ok: true, url };
}

/** the fragment's data (`#doc=…`, `doc=…`, or among other `&`-separated keys), or null when there is none */
export function shareData(fragment: string): string | null {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of body.split('&')) {
    if (part.startsWith(`${SHARE_KEY}=`)) return part.slice(SHARE_KEY.length + 1);
  }
  return null;
}

/**
 * The graph file's text a fragment holds, or why it holds none. The text is then read like a
 * file (parseGraph: versions, migrations, every rule).
 */
export function sharedDocText(fragment: string, limit = MAX_FILE_BYTES): SharedDocText {
  const data = shareData(fragment);
  if (data === null) return { kind: 'none' };
  if (data.length === 0) return bad('it holds no document (nothing follows “#doc=”)');
  if (data.length > SHARE_DATA_MAX_CHARS) return bad(`it is ${data.length.toLocaleString('en-US')} characters long, more than any share link`);
  if (!BASE64URL.test(data) || data.length % 4 === 1) return bad('it holds characters a share link never has (it may have been changed when it was copied)');
  const bytes = fromBase64Url(data);
  const inflated = inflateBounded(bytes, limit);
  if (!inflated.ok) return bad(inflated.message);
  return { kind: 'text', text: inflated.text };
}

function bad(why: string): SharedDocText {
  return { kind: 'bad', message: `This share link cannot be opened: ${why}.` };
}

type Inflated = { ok: true; text: string } | { ok: false; message: string };

/** zlib's inflate, stopped past `limit` bytes of output, with the trailer's Adler-32 checked (fflate's unzlib skips it) */
function inflateBounded(bytes: Uint8Array, limit: number): Inflated {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Unzlib((chunk, final) => {
    parts.push(chunk);
    total += chunk.length;
    if (final) ended = true;
  });
  const incomplete = 'it is incomplete or damaged (it may have been cut short when it was copied)';
  try {
    for (let at = 0; at < bytes.length; at += INFLATE_CHUNK) {
      stream.push(bytes.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= bytes.length);
      if (total > limit) return { ok: false, message: `its document would be larger than ${(limit / (1024 * 1024)).toFixed(limit < 1024 * 1024 ? 2 : 0)} MB, the most a graph file may hold` };
    }
  } catch {
    return { ok: false, message: incomplete };
  }
  if (!ended || bytes.length < 6) return { ok: false, message: incomplete };
  const out = concat(parts, total);
  if (adler32(out) !== readUint32(bytes, bytes.length - 4)) return { ok: false, message: incomplete };
  try {
    return { ok: true, text: strFromU8(out) };
  } catch {
    return { ok: false, message: 'its document is not UTF-8 text' };
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Adler-32 (RFC 1950 §8.2): a = 1 + Σ bytes, b = Σ a, both mod 65521; b·2¹⁶ + a */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

// base64url by hand over the platform's btoa/atob: Uint8Array.toBase64 is not in Node 20 or in
// browsers before 2025, and a library for ten lines would weigh more than they do.

/** bytes → base64url without padding (RFC 4648 §5) */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (checked against its alphabet first) → bytes */
export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
