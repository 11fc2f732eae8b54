import type { BackpropApi } from '../../../shared/ipc';
import { electronPlatform } from './electron';
import { webPlatform } from './web';
import type { Platform } from './types';

export type { Platform } from './types';

// The desktop when the preload exposed `window.backprop`, else the browser.
function detect(): Platform {
  const api = (globalThis as { backprop?: BackpropApi }).backprop;
  return api ? electronPlatform(api) : webPlatform();
}

export const platform: Platform = detect();
