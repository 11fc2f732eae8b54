import type { CommandId } from '../../../shared/commands';
import type {
  Draft,
  DraftRequest,
  ExportRequest,
  ExportResult,
  OpenResult,
  SaveRequest,
  SaveResult,
  UnsavedChoice,
  WindowStateRequest,
} from '../../../shared/ipc';

export type { Draft, DraftRequest, ExportResult, OpenResult, SaveResult, UnsavedChoice };

// What the app needs from where it runs: the desktop (Electron, through the preload's
// `window.backprop`) or a browser tab (file input, downloads, localStorage). File commands are
// written once against this interface.

// The requests and replies are the IPC contract's (src/shared/ipc.ts), so both platforms answer
// in exactly the shapes the desktop's main process is checked against.

export type SaveOptions = Omit<SaveRequest, 'text'>;

export interface ExportOptions {
  fileName: string;
  kind: ExportRequest['kind'];
  data: string | Blob;
}

/** a printable page: the desktop saves it as a PDF; the web prints it from a frame ('printed') */
export interface PrintRequest {
  html: string;
  /** the PDF's suggested name */
  fileName: string;
}
export type PrintResult = ExportResult | { status: 'printed' };

export interface Platform {
  kind: 'electron' | 'web';
  openDocument(): Promise<OpenResult>;
  /** a file the page received (web: a drop or the file input); on the desktop main opens drops */
  openDroppedFile(file: File): Promise<OpenResult>;
  saveDocument(text: string, options: SaveOptions): Promise<SaveResult>;
  exportFile(options: ExportOptions): Promise<ExportResult>;
  /** the worksheet (worksheet/): desktop, a PDF file the person picks; web, the page's print dialog */
  printWorksheet(request: PrintRequest): Promise<PrintResult>;
  saveDraft(draft: DraftRequest): Promise<void>;
  loadDraft(): Promise<Draft | null>;
  clearDraft(): Promise<void>;
  confirmUnsaved(name: string): Promise<UnsavedChoice>;
  showError(title: string, message: string): Promise<void>;
  setWindowState(state: WindowStateRequest): void;
  /** menu commands from the desktop's menus; never called on the web */
  onCommand(handler: (id: CommandId) => void): () => void;
  /** the desktop asks to open a file (Open Recent, command line, the OS); `open` reads it */
  onOpenRequest(handler: (open: () => Promise<OpenResult>) => void): () => void;
  /** the desktop wants to close the window; answer `true` to let it close */
  onCloseRequest(handler: () => Promise<boolean>): () => void;
  /** close the desktop window (which asks about unsaved changes first); nothing on the web */
  closeWindow(): void;
  /** the page is listening: the desktop may now send pending open requests */
  ready(): void;
}
