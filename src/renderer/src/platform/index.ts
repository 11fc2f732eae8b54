import type { BackpropApi } from '../../../shared/ipc';
import { electronPlatform } from './electron';
import { webPlatform, type WebPlatformDeps } from './web';
import type { Platform } from './types';

export type { Platform } from './types';

/** the desktop when the preload exposed `window.backprop`, else the browser */
export function detectPlatform(web: WebPlatformDeps): Platform {
  const api = (globalThis as { backprop?: BackpropApi }).backprop;
  return api ? electronPlatform(api) : webPlatform(web);
}
