import { session, shell, type App, type WebContents } from 'electron';
import { withCsp } from './csp';
import { isAllowedExternalUrl } from './externalLinks';

// Electron's security checklist, applied to every webContents the app ever creates: no
// navigation away from the app, no new windows (allowed https links go to the system browser),
// no webviews, every permission denied, and our CSP on every response the app loads.

export function hardenApp(app: App, isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));
  app.on('ready', () => hardenSession(isAppUrl));
}

function hardenContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(isAppUrl: (url: string) => boolean): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}
