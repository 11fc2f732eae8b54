import { APP_SCHEME } from '../security/appUrl';

// How the app:// scheme is registered (before the app is ready): a standard scheme, so URLs
// resolve relative paths and the page has the origin app://bundle that CSP 'self' means;
// secure, so the page is a secure context; fetch and code cache allowed; CORS-enabled so module
// scripts and module workers (fetched in cors mode) load as they do over https. NOT bypassCSP:
// the page stays under its Content-Security-Policy. No service workers, no streaming.

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

export const APP_SCHEME_REGISTRATION = [{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }] as const;
