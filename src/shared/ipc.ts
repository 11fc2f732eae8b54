import { z } from 'zod';
import { COMMAND_IDS } from './commands';

// The one IPC contract between main, preload and renderer: a table of every operation, keyed by
// the name `window.backprop` gives it, with its channel and a zod schema for each payload that
// crosses a process boundary. Everything else derives from these tables: the preload's functions
// (src/preload/api.ts), main's handler registration (src/main/ipc/register.ts) and the types the
// renderer's platform uses. Main validates every request before acting on it and its own reply
// before sending it; the preload validates every reply and event before the page sees it.

// zod would probe `new Function` to decide whether to compile parsers; the page's CSP forbids
// eval (the preload parses every reply, and a probe is still reported as a violation).
z.config({ jitless: true });

/** the largest document or export main accepts from the renderer (bytes of text) */
export const MAX_IPC_TEXT = 60 * 1024 * 1024;

const text = z.string().max(MAX_IPC_TEXT);
const filePath = z.string().min(1).max(4096);
const fileName = z.string().min(1).max(255);
const nothing = z.undefined();

// ---- payloads, renderer → main ----

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
  /** the file's extension: a picture, the data, or code (a Python script, a Jupyter notebook) */
  kind: z.enum(['png', 'svg', 'csv', 'py', 'ipynb']),
  /** utf8 text (svg, csv, py, ipynb) or base64 bytes (png) */
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
export type UnsavedRequest = z.infer<typeof UnsavedRequest>;

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

/** the worksheet's HTML page, printed to a PDF file the person picks (webContents.printToPDF) */
export const WorksheetPdfRequest = z.strictObject({
  /** a self-contained page (src/engine/worksheet/page.ts): no scripts are run when it is printed */
  html: text,
  /** the suggested name, ending in .pdf */
  fileName,
});
export type WorksheetPdfRequest = z.infer<typeof WorksheetPdfRequest>;

export const ExternalUrlRequest = z.strictObject({ url: z.string().max(2048) });
export type ExternalUrlRequest = z.infer<typeof ExternalUrlRequest>;

// ---- replies, main → renderer (exact shapes; strings unbounded, main wrote them) ----

export const OpenResult = z.discriminatedUnion('status', [
  /** filePath is null when the file came from a browser (no path is known) */
  z.strictObject({ status: z.literal('opened'), text: z.string(), fileName: z.string(), filePath: z.string().nullable() }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('error'), fileName: z.string(), message: z.string() }),
]);
export type OpenResult = z.infer<typeof OpenResult>;

export const SaveResult = z.discriminatedUnion('status', [
  /** filePath is null in a browser, where a save is a download */
  z.strictObject({ status: z.literal('saved'), fileName: z.string(), filePath: z.string().nullable() }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('error'), message: z.string() }),
]);
export type SaveResult = z.infer<typeof SaveResult>;

export const ExportResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), filePath: z.string() }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('error'), message: z.string() }),
]);
export type ExportResult = z.infer<typeof ExportResult>;

export const UnsavedChoice = z.enum(['save', 'discard', 'cancel']);
export type UnsavedChoice = z.infer<typeof UnsavedChoice>;

// ---- events, main → renderer ----

export const CommandEvent = z.enum(COMMAND_IDS);
export const OpenRequestEvent = z.strictObject({ filePath });
export type OpenRequestEvent = z.infer<typeof OpenRequestEvent>;
export const CloseRequestEvent = z.strictObject({ reason: z.enum(['close', 'quit']) });
export type CloseRequestEvent = z.infer<typeof CloseRequestEvent>;

// ---- the tables ----

export interface InvokeSpec {
  readonly channel: string;
  readonly request: z.ZodType;
  readonly reply: z.ZodType;
}
export interface SendSpec {
  readonly channel: string;
  readonly request: z.ZodType;
}
export interface EventSpec {
  readonly channel: string;
  readonly payload: z.ZodType;
}

/** renderer → main, answered (`ipcRenderer.invoke` / `ipcMain.handle`) */
export const INVOKE = {
  openDocument: { channel: 'file:open', request: nothing, reply: OpenResult },
  openPath: { channel: 'file:open-path', request: OpenPathRequest, reply: OpenResult },
  saveDocument: { channel: 'file:save', request: SaveRequest, reply: SaveResult },
  recentFiles: { channel: 'file:recent', request: nothing, reply: z.array(z.string()) },
  exportFile: { channel: 'file:export', request: ExportRequest, reply: ExportResult },
  printWorksheetPdf: { channel: 'worksheet:print-pdf', request: WorksheetPdfRequest, reply: ExportResult },
  saveDraft: { channel: 'draft:save', request: DraftRequest, reply: nothing },
  loadDraft: { channel: 'draft:load', request: nothing, reply: Draft.nullable() },
  clearDraft: { channel: 'draft:clear', request: nothing, reply: nothing },
  confirmUnsaved: { channel: 'dialog:unsaved', request: UnsavedRequest, reply: UnsavedChoice },
  showError: { channel: 'dialog:error', request: ErrorDialogRequest, reply: nothing },
  /** true when the link was opened (only allowlisted https links are) */
  openExternal: { channel: 'shell:open-external', request: ExternalUrlRequest, reply: z.boolean() },
  rendererReady: { channel: 'app:renderer-ready', request: nothing, reply: nothing },
  closeWindow: { channel: 'window:close', request: nothing, reply: nothing },
  closeReady: { channel: 'window:close-ready', request: nothing, reply: nothing },
  closeCancelled: { channel: 'window:close-cancelled', request: nothing, reply: nothing },
} as const satisfies Record<string, InvokeSpec>;

/** renderer → main, no reply (`ipcRenderer.send` / `ipcMain.on`) */
export const SEND = {
  setWindowState: { channel: 'window:state', request: WindowStateRequest },
} as const satisfies Record<string, SendSpec>;

/** main → renderer (`webContents.send` / `ipcRenderer.on`) */
export const EVENTS = {
  onCommand: { channel: 'menu:command', payload: CommandEvent },
  onOpenRequest: { channel: 'file:open-request', payload: OpenRequestEvent },
  onCloseRequest: { channel: 'window:close-request', payload: CloseRequestEvent },
} as const satisfies Record<string, EventSpec>;

export type InvokeName = keyof typeof INVOKE;
export type SendName = keyof typeof SEND;
export type EventName = keyof typeof EVENTS;

/** what the caller passes for `name` (undefined: nothing) */
export type RequestOf<N extends InvokeName> = z.input<(typeof INVOKE)[N]['request']>;
/** what main answers `name` with */
export type ReplyOf<N extends InvokeName> = z.output<(typeof INVOKE)[N]['reply']>;
export type EventPayloadOf<N extends EventName> = z.output<(typeof EVENTS)[N]['payload']>;

type InvokeFunction<N extends InvokeName> = undefined extends RequestOf<N>
  ? () => Promise<ReplyOf<N>>
  : (request: RequestOf<N>) => Promise<ReplyOf<N>>;

/**
 * What the preload exposes as `window.backprop`: one function per table entry, nothing else.
 * None takes a dropped file: main sees a drop itself (src/main/files/droppedFile.ts) and never
 * takes a path the page names as the person's choice.
 */
export type BackpropApi = { [N in InvokeName]: InvokeFunction<N> } & { [N in SendName]: (request: z.input<(typeof SEND)[N]['request']>) => void } & {
  [N in EventName]: (handler: (payload: EventPayloadOf<N>) => void) => () => void;
};

/** the exact keys of `window.backprop` (tests compare against this) */
export const API_KEYS: readonly (keyof BackpropApi)[] = [...keysOf(INVOKE), ...keysOf(SEND), ...keysOf(EVENTS)];

function keysOf<T extends object>(table: T): (keyof T & string)[] {
  return Object.keys(table).filter((k): k is keyof T & string => Object.hasOwn(table, k));
}

/** file name filters shared by the dialogs and the web file input */
export const GRAPH_EXTENSION = '.bpgraph.json';
