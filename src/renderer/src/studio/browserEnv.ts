import { detectPlatform } from '../platform';
import type { StudioEnv, WorkerPort } from './env';

// The studio's environment in a real page: the browser's clock, frames, timers, module workers
// and localStorage, and the desktop's or the browser's platform.

/** a module worker, or null where none can start here (training and maps then run on the page) */
function moduleWorker(start: () => Worker): WorkerPort<unknown, unknown> | null {
  if (typeof Worker !== 'function' || typeof navigator === 'undefined' || /happy-?dom|jsdom/i.test(navigator.userAgent)) return null;
  try {
    return start();
  } catch {
    return null;
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** runs `fn` in the first task after the current frame's rendering (a message, unlike a timeout, is not clamped) */
function afterRender(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/** pagehide (closing, navigating away) and visibilitychange to hidden (another tab, a minimised window) */
function onPageHidden(fn: () => void): () => void {
  const onVisibility = () => document.visibilityState === 'hidden' && fn();
  window.addEventListener('pagehide', fn);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', fn);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

export function browserEnv(): StudioEnv {
  const storage = safeLocalStorage();
  return {
    now: () => performance.now(),
    requestFrame: (fn) => requestAnimationFrame(fn),
    cancelFrame: (id) => cancelAnimationFrame(id),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    afterRender,
    trainerWorker: () => moduleWorker(() => new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module' })),
    mapWorker: () => moduleWorker(() => new Worker(new URL('../worker/maps.worker.ts', import.meta.url), { type: 'module' })),
    layoutWorker: () => moduleWorker(() => new Worker(new URL('../worker/layout.worker.ts', import.meta.url), { type: 'module' })),
    edgeWorker: () => moduleWorker(() => new Worker(new URL('../worker/edges.worker.ts', import.meta.url), { type: 'module' })),
    csvWorker: () => moduleWorker(() => new Worker(new URL('../worker/csvImport.worker.ts', import.meta.url), { type: 'module' })),
    onPageHidden,
    keys: window,
    storage,
    platform: (ui) => detectPlatform({ storage, ...ui }),
  };
}
