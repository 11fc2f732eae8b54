import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isBundleUrl, parseUrl } from '../security/appUrl';

// Which file of the built renderer folder an app://bundle URL names — or none. The only way a
// request reaches the disk, so it refuses anything that could step outside the folder: `..` and
// `.` segments (also percent-encoded), encoded slashes and backslashes, NUL, drive letters,
// empty segments, other schemes and hosts. Query and fragment are ignored.

const FORBIDDEN_IN_NAME = /[/\\\0:]/;

/** absolute path under `root` that `raw` names, or null when it names nothing servable */
export function bundlePathFor(root: string, raw: string): string | null {
  const url = parseUrl(raw);
  if (!url || !isBundleUrl(url)) return null;
  const base = resolve(root);
  if (url.pathname === '/' || url.pathname === '') return join(base, 'index.html');
  const names = decodeSegments(url.pathname.slice(1).split('/'));
  if (!names) return null;
  const full = resolve(base, ...names);
  return isInside(base, full) ? full : null;
}

function decodeSegments(segments: readonly string[]): string[] | null {
  const names: string[] = [];
  for (const segment of segments) {
    const name = decodeSegment(segment);
    if (name === null || name === '' || name === '.' || name === '..' || FORBIDDEN_IN_NAME.test(name)) return null;
    names.push(name);
  }
  return names;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** is `path` strictly below `base` (defence in depth: the segments were already checked) */
function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
