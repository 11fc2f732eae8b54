import type { Platform } from '../platform/types';
import type { FileDialogs } from '../files/dialogStore';
import type { FileInputPort } from '../files/fileInput';

// What the studio needs from the world outside it: time, frames, timers, workers, storage and
// the platform (desktop or browser). The page passes browserEnv(); a test passes fakes, so it
// builds a fresh world whose clock and frames it drives itself.

export type TimerId = ReturnType<typeof setTimeout>;

/** the part of a Worker the studio uses (a real one, an inline fallback or a test's fake) */
export interface WorkerPort<In, Out> {
  postMessage(message: In, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Out>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface StudioEnv {
  /** milliseconds, monotonic */
  now(): number;
  requestFrame(fn: () => void): number;
  cancelFrame(id: number): void;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  /** runs `fn` in the first task after the current frame's rendering */
  afterRender(fn: () => void): void;
  /** the training worker, or null where none can start (training then runs on the page) */
  trainerWorker(): WorkerPort<unknown, unknown> | null;
  /** the map worker, or null where none can start (map passes then run on the page) */
  mapWorker(): WorkerPort<unknown, unknown> | null;
  /** a layout worker, or null where none can start (layouts then run on the page) */
  layoutWorker(): WorkerPort<unknown, unknown> | null;
  /** an edge worker, one per big graph's edge canvas, or null where none can start (the canvas is then painted on the page) */
  edgeWorker(): WorkerPort<unknown, unknown> | null;
  /** a CSV import worker, one per import, or null where none can start (the file is then parsed on the page) */
  csvWorker(): WorkerPort<unknown, unknown> | null;
  /** calls `fn` when the page is hidden or closing (the last moment to keep a draft); returns the unsubscribe */
  onPageHidden(fn: () => void): () => void;
  /** where the window's keyboard shortcuts listen (the window) */
  keys: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** settings that outlive the window (localStorage), or null */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** the desktop or the browser; the browser's dialogs and file input are the studio's own */
  platform(ui: { dialogs: FileDialogs; fileInput: FileInputPort }): Platform;
}
