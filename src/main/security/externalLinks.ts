// Links the app may open in the system browser: https only, to these hosts only. Everything
// else (http, file:, javascript:, custom schemes, look-alike hosts) is refused.
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'en.wikipedia.org',
  'playground.tensorflow.org',
  'www.electronjs.org',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '' || url.port !== '') return false;
  return EXTERNAL_HOSTS.includes(url.hostname);
}
