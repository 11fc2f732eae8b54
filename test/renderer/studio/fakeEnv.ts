import type { StudioEnv, TimerId, WorkerPort } from '../../../src/renderer/src/studio/env';
import type { Platform } from '../../../src/renderer/src/platform/types';
import { createStudio, type StudioOptions } from '../../../src/renderer/src/studio/createStudio';
import { emptyDocument } from '../../../src/renderer/src/store/document';

// A world for tests: a clock, frames and timers the test advances itself, no workers (or the
// test's own), memory storage, and a platform that records what it was asked.

export interface FakeClock {
  now(): number;
  /** moves time on by `ms`, running the timers that fall due, in order */
  advance(ms: number): void;
  /** runs the animation frames requested so far (a frame's callbacks may request the next) */
  frame(): void;
  /** runs the after-render callbacks queued so far */
  render(): void;
  pendingTimers(): number;
}

export interface FakeEnv extends StudioEnv {
  clock: FakeClock;
  storageData: Map<string, string>;
  /** the page goes hidden (another tab, closing): runs what listens for it */
  hidePage(): void;
}

export function memoryStorage(data = new Map<string, string>()) {
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

export function fakePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    kind: 'web',
    openDocument: async () => ({ status: 'cancelled' }),
    openDroppedFile: async () => ({ status: 'cancelled' }),
    saveDocument: async (_text, o) => ({ status: 'saved', fileName: o.fileName, filePath: o.filePath }),
    exportFile: async (o) => ({ status: 'saved', filePath: o.fileName }),
    printWorksheet: async (o) => ({ status: 'saved', filePath: o.fileName }),
    saveDraft: async () => undefined,
    loadDraft: async () => null,
    clearDraft: async () => undefined,
    confirmUnsaved: async () => 'discard',
    showError: async () => undefined,
    setWindowState: () => undefined,
    onCommand: () => () => undefined,
    onOpenRequest: () => () => undefined,
    onCloseRequest: () => () => undefined,
    closeWindow: () => undefined,
    ready: () => undefined,
    ...overrides,
  };
}

export function fakeEnv(
  opts: {
    platform?: Platform;
    trainerWorker?: () => WorkerPort<unknown, unknown> | null;
    mapWorker?: () => WorkerPort<unknown, unknown> | null;
    layoutWorker?: () => WorkerPort<unknown, unknown> | null;
    csvWorker?: () => WorkerPort<unknown, unknown> | null;
    edgeWorker?: () => WorkerPort<unknown, unknown> | null;
  } = {},
): FakeEnv {
  let t = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let frames = new Map<number, () => void>();
  let renders: (() => void)[] = [];
  const storageData = new Map<string, string>();
  const clock: FakeClock = {
    now: () => t,
    advance(ms) {
      const end = t + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        t = Math.max(t, due[1].at);
        due[1].fn();
      }
      t = end;
    },
    frame() {
      const run = frames;
      frames = new Map();
      run.forEach((fn) => fn());
    },
    render() {
      const run = renders;
      renders = [];
      run.forEach((fn) => fn());
    },
    pendingTimers: () => timers.size,
  };
  const keys = new EventTarget();
  const hiddenListeners = new Set<() => void>();
  return {
    clock,
    storageData,
    now: clock.now,
    requestFrame(fn) {
      const id = nextId++;
      frames.set(id, fn);
      return id;
    },
    cancelFrame: (id) => void frames.delete(id),
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: t + Math.max(0, ms), fn });
      return id as unknown as TimerId;
    },
    clearTimeout: (id) => void timers.delete(id as unknown as number),
    afterRender: (fn) => void renders.push(fn),
    trainerWorker: opts.trainerWorker ?? (() => null),
    mapWorker: opts.mapWorker ?? (() => null),
    layoutWorker: opts.layoutWorker ?? (() => null),
    csvWorker: opts.csvWorker ?? (() => null),
    edgeWorker: opts.edgeWorker ?? (() => null),
    onPageHidden(fn) {
      hiddenListeners.add(fn);
      return () => void hiddenListeners.delete(fn);
    },
    hidePage: () => hiddenListeners.forEach((fn) => fn()),
    keys: keys as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>,
    storage: memoryStorage(storageData),
    platform: () => opts.platform ?? fakePlatform(),
  };
}

/** a fresh studio on a fake world, not started (start it to run its services) */
export function testStudio(options: StudioOptions & { env?: FakeEnv } = {}) {
  const env = options.env ?? fakeEnv();
  const studio = createStudio(env, { ...options, initial: options.initial ?? emptyDocument() });
  return Object.assign(studio, { fake: env });
}
