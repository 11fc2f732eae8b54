// Which URLs are the app's own page. The built renderer is served from a privileged custom
// scheme, app://bundle/… (src/main/protocol), never from file://, so the page has a real origin;
// in development the page comes from the dev server. Used to accept IPC only from our page and to
// refuse every navigation away. Plain module (no 'electron' import) so the rules are unit-tested.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** the built renderer folder served as app://bundle/, or the dev server */
export type AppEntry = { kind: 'bundle'; root: string } | { kind: 'dev'; url: string };

/** the URL the window loads */
export function entryUrl(entry: AppEntry): string {
  return entry.kind === 'dev' ? entry.url : APP_INDEX_URL;
}

/** is `url` on app://bundle exactly: that scheme and host, no port, no credentials */
export function isBundleUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  );
}

export function isAppUrl(entry: AppEntry, raw: string | null | undefined): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (entry.kind === 'bundle') return isBundleUrl(url);
  return url.origin === new URL(entry.url).origin;
}

export function parseUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
