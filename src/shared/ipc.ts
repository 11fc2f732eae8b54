import { z } from 'zod';
import { COMMAND_IDS } from './commands';

// The one IPC contract between main, preload and renderer: channel names, and a zod schema for
// every payload that crosses a process boundary. Types derive from the schemas, so a payload
// is described once. Main validates every request against these schemas before acting on it.

/** the largest document or export main accepts from the renderer (bytes of text) */
export const MAX_IPC_TEXT = 60 * 1024 * 1024;

const text = z.string().max(MAX_IPC_TEXT);
const filePath = z.string().min(1).max(4096);
const fileName = z.string().min(1).max(255);

// ---- renderer → main (invoke, with a reply) ----

export const OpenPathRequest = z.strictObject({ filePath });
export type OpenPathRequest = z.infer<typeof OpenPathRequest>;

export const SaveRequest = z.strictObject({
  text,
  fileName,
  filePath: filePath.nullable(),
  saveAs: z.boolean(),
});
export type SaveRequest = z.infer<typeof SaveRequest>;

export const ExportRequest = z.strictObject({
  fileName,
  kind: z.enum(['png', 'svg', 'csv']),
  /** utf8 text (svg, csv) or base64 bytes (png) */
  data: text,
  encoding: z.enum(['utf8', 'base64']),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const Draft = z.strictObject({
  text,
  fileName,
  filePath: filePath.nullable(),
  /** ms since the epoch */
  savedAt: z.number().finite(),
});
export type Draft = z.infer<typeof Draft>;
export const DraftRequest = Draft.omit({ savedAt: true });
export type DraftRequest = z.infer<typeof DraftRequest>;

export const UnsavedRequest = z.strictObject({ name: z.string().max(255) });
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export const ErrorDialogRequest = z.strictObject({
  title: z.string().max(300),
  message: z.string().max(4000),
});
export type ErrorDialogRequest = z.infer<typeof ErrorDialogRequest>;

export const WindowStateRequest = z.strictObject({
  title: z.string().max(300),
  dirty: z.boolean(),
  filePath: filePath.nullable(),
});
export type WindowStateRequest = z.infer<typeof WindowStateRequest>;

export const ExternalUrlRequest = z.strictObject({ url: z.string().max(2048) });

export const NoPayload = z.undefined();

export type OpenResult =
  /** filePath is null when the file came from a browser (no path is known) */
  | { status: 'opened'; text: string; fileName: string; filePath: string | null }
  | { status: 'cancelled' }
  | { status: 'error'; fileName: string; message: string };

export type SaveResult =
  /** filePath is null in a browser, where a save is a download */
  | { status: 'saved'; fileName: string; filePath: string | null }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export type ExportResult = { status: 'saved'; filePath: string } | { status: 'cancelled' } | { status: 'error'; message: string };

/** invoke channels: name → request schema (what main validates) */
export const INVOKE = {
  open: 'file:open',
  openPath: 'file:open-path',
  openDropped: 'file:open-dropped',
  save: 'file:save',
  recent: 'file:recent',
  exportFile: 'file:export',
  saveDraft: 'draft:save',
  loadDraft: 'draft:load',
  clearDraft: 'draft:clear',
  confirmUnsaved: 'dialog:unsaved',
  showError: 'dialog:error',
  openExternal: 'shell:open-external',
  rendererReady: 'app:renderer-ready',
  closeWindow: 'window:close',
  closeReady: 'window:close-ready',
  closeCancelled: 'window:close-cancelled',
} as const;

export const INVOKE_SCHEMAS = {
  [INVOKE.open]: NoPayload,
  [INVOKE.openPath]: OpenPathRequest,
  [INVOKE.openDropped]: OpenPathRequest,
  [INVOKE.save]: SaveRequest,
  [INVOKE.recent]: NoPayload,
  [INVOKE.exportFile]: ExportRequest,
  [INVOKE.saveDraft]: DraftRequest,
  [INVOKE.loadDraft]: NoPayload,
  [INVOKE.clearDraft]: NoPayload,
  [INVOKE.confirmUnsaved]: UnsavedRequest,
  [INVOKE.showError]: ErrorDialogRequest,
  [INVOKE.openExternal]: ExternalUrlRequest,
  [INVOKE.rendererReady]: NoPayload,
  [INVOKE.closeWindow]: NoPayload,
  [INVOKE.closeReady]: NoPayload,
  [INVOKE.closeCancelled]: NoPayload,
} as const;

/** renderer → main, no reply */
export const SEND = { windowState: 'window:state' } as const;

// ---- main → renderer (events) ----

export const EVENTS = {
  command: 'menu:command',
  openRequest: 'file:open-request',
  closeRequest: 'window:close-request',
} as const;

export const CommandEvent = z.enum(COMMAND_IDS);
export const OpenRequestEvent = z.strictObject({ filePath });
export type OpenRequestEvent = z.infer<typeof OpenRequestEvent>;
export const CloseRequestEvent = z.strictObject({ reason: z.enum(['close', 'quit']) });
export type CloseRequestEvent = z.infer<typeof CloseRequestEvent>;

/** What the preload exposes as `window.backprop`: one function per operation, nothing else. */
export interface BackpropApi {
  openDocument(): Promise<OpenResult>;
  openPath(filePath: string): Promise<OpenResult>;
  /** a file dropped on the window; the preload resolves its path (webUtils) */
  openDroppedFile(file: File): Promise<OpenResult>;
  saveDocument(request: SaveRequest): Promise<SaveResult>;
  recentFiles(): Promise<string[]>;
  exportFile(request: ExportRequest): Promise<ExportResult>;
  saveDraft(draft: DraftRequest): Promise<void>;
  loadDraft(): Promise<Draft | null>;
  clearDraft(): Promise<void>;
  confirmUnsaved(name: string): Promise<UnsavedChoice>;
  showError(title: string, message: string): Promise<void>;
  setWindowState(state: WindowStateRequest): void;
  openExternal(url: string): Promise<boolean>;
  rendererReady(): Promise<void>;
  closeWindow(): Promise<void>;
  closeReady(): Promise<void>;
  closeCancelled(): Promise<void>;
  onCommand(handler: (id: z.infer<typeof CommandEvent>) => void): () => void;
  onOpenRequest(handler: (request: OpenRequestEvent) => void): () => void;
  onCloseRequest(handler: (request: CloseRequestEvent) => void): () => void;
}

/** the exact keys of `window.backprop` (tests compare against this) */
export const API_KEYS = [
  'openDocument',
  'openPath',
  'openDroppedFile',
  'saveDocument',
  'recentFiles',
  'exportFile',
  'saveDraft',
  'loadDraft',
  'clearDraft',
  'confirmUnsaved',
  'showError',
  'setWindowState',
  'openExternal',
  'rendererReady',
  'closeWindow',
  'closeReady',
  'closeCancelled',
  'onCommand',
  'onOpenRequest',
  'onCloseRequest',
] as const satisfies readonly (keyof BackpropApi)[];

/** file name filters shared by the dialogs and the web file input */
export const GRAPH_EXTENSION = '.bpgraph.json';
