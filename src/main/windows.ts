import { BrowserWindow } from 'electron';
import { sendEvent } from './ipc/events';

// The app's windows and their close handshake. Closing a window first asks the renderer, which
// owns the document and its unsaved-changes prompt; the renderer answers closeReady (close now)
// or closeCancelled. A window whose page never came up, or crashed, closes at once.

interface Entry {
  window: BrowserWindow;
  ready: boolean;
  closeAllowed: boolean;
}

export class Windows {
  private readonly entries = new Map<number, Entry>();
  quitting = false;

  constructor(private readonly onAllowedClose: () => void) {}

  ids(): ReadonlySet<number> {
    return new Set(this.entries.keys());
  }

  add(window: BrowserWindow): void {
    const id = window.webContents.id;
    const entry: Entry = { window, ready: false, closeAllowed: false };
    this.entries.set(id, entry);
    window.on('close', (event) => this.onClose(entry, event));
    window.on('closed', () => this.entries.delete(id));
  }

  byContentsId(id: number): BrowserWindow | null {
    return this.entries.get(id)?.window ?? null;
  }

  first(): BrowserWindow | null {
    return this.entries.values().next().value?.window ?? null;
  }

  markReady(id: number): void {
    const entry = this.entries.get(id);
    if (entry) entry.ready = true;
  }

  isReady(id: number): boolean {
    return this.entries.get(id)?.ready ?? false;
  }

  /** the renderer has dealt with unsaved changes: close for real */
  closeNow(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.closeAllowed = true;
    entry.window.close();
    this.onAllowedClose();
  }

  private onClose(entry: Entry, event: Electron.Event): void {
    const contents = entry.window.webContents;
    if (entry.closeAllowed || !entry.ready || contents.isCrashed()) return;
    event.preventDefault();
    sendEvent(contents, 'onCloseRequest', { reason: this.quitting ? 'quit' : 'close' });
  }
}
