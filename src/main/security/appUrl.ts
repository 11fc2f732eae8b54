import { pathToFileURL } from 'node:url';

// Which URLs are the app's own page: the built index.html on disk, or the dev server in
// development. Used to accept IPC only from our page and to refuse every navigation away.

export type AppEntry = { kind: 'file'; path: string } | { kind: 'dev'; url: string };

export function isAppUrl(entry: AppEntry, raw: string | null | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (entry.kind === 'file') {
    const own = pathToFileURL(entry.path);
    return url.protocol === 'file:' && url.pathname === own.pathname && url.host === own.host;
  }
  return url.origin === new URL(entry.url).origin;
}
