import { protocol, session } from 'electron';
import { APP_SCHEME } from '../security/appUrl';
import { bundleResponse } from './bundleResponse';
import { APP_SCHEME_REGISTRATION } from './scheme';

// Electron glue for the app:// scheme (the logic is in the plain modules beside this one).

/** must run before the app is ready (Electron only honours it then) */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_REGISTRATION.map((s) => ({ ...s, privileges: { ...s.privileges } })));
}

/** serve the built renderer folder `root` as app://bundle/ on the windows' session (after ready) */
export function serveBundle(root: string): void {
  session.defaultSession.protocol.handle(APP_SCHEME, (request) => bundleResponse(root, request));
}
