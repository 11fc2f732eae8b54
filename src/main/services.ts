import { app, Menu, type BrowserWindow, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import type { ExportRequest, ExportResult } from '../shared/ipc';
import { sendEvent } from './ipc/events';
import type { CommandId } from '../shared/commands';
import { cleanStrayTemps, writeFileAtomic } from './files/atomicWrite';
import { DraftStore } from './files/draftStore';
import { droppedGraphPath } from './files/droppedFile';
import { FileService } from './files/fileService';
import { RecentFiles } from './files/recentFiles';
import { describeWriteError } from './files/writeErrors';
import { chooseExportPath, fileDialogs } from './dialogs';
import { buildMenu } from './menu/template';
import { toElectronMenu } from './menu/electronMenu';
import { Windows } from './windows';

// The main process's parts, wired together once at startup.

export class Services {
  readonly recent: RecentFiles;
  readonly drafts: DraftStore;
  readonly files: FileService;
  readonly windows: Windows;
  /** files named on the command line / by the OS before a window could take them */
  private readonly pendingOpens: string[] = [];

  constructor(userData: string) {
    this.windows = new Windows(() => {
      if (this.windows.quitting) setImmediate(() => app.quit());
    });
    this.recent = new RecentFiles(join(userData, 'recent-files.json'));
    this.drafts = new DraftStore(userData);
    this.files = new FileService(this.recent, fileDialogs(() => this.windows.first()));
  }

  /** at start: read the recent list, and clear temp files a killed save left behind */
  async start(): Promise<void> {
    await this.recent.load();
    const folders = new Set([dirname(this.drafts.path), ...this.recent.list().map((p) => dirname(p))]);
    await Promise.all([...folders].map((f) => cleanStrayTemps(f)));
    this.rebuildMenu();
  }

  rebuildMenu(): void {
    const spec = buildMenu({ platform: process.platform, appName: app.name, recent: this.recent.list(), dev: !app.isPackaged });
    Menu.setApplicationMenu(
      toElectronMenu(spec, {
        command: (id) => this.sendCommand(id),
        openRecent: (path) => this.requestOpen(path),
        clearRecent: () => void this.recent.clear().then(() => this.rebuildMenu()),
      }),
    );
  }

  async refreshingMenu<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.rebuildMenu();
    return result;
  }

  sendCommand(id: CommandId): void {
    const window = this.windows.first();
    if (window) sendEvent(window.webContents, 'onCommand', id);
  }

  /** ask the renderer to open `path` (it first deals with unsaved changes, then calls openPath) */
  requestOpen(path: string): void {
    this.files.grants.grant(path);
    this.pendingOpens.push(path);
    this.flushOpens();
  }

  /** a graph file dropped on this window's page opens like one named on the command line;
   *  the navigation itself is refused by hardening.ts (droppedFile.ts says why this is sound) */
  acceptDrops(contents: WebContents): void {
    contents.on('will-navigate', (navigation) => {
      const path = droppedGraphPath(navigation);
      if (path === null) return;
      navigation.preventDefault();
      this.requestOpen(path);
    });
  }

  rendererReady(webContentsId: number): void {
    this.windows.markReady(webContentsId);
    this.flushOpens();
  }

  private flushOpens(): void {
    const window = this.windows.first();
    if (!window || !this.windows.isReady(window.webContents.id)) return;
    for (const filePath of this.pendingOpens.splice(0)) sendEvent(window.webContents, 'onOpenRequest', { filePath });
    if (window.isMinimized()) window.restore();
    window.focus();
  }

  async exportFile(window: BrowserWindow | null, request: ExportRequest): Promise<ExportResult> {
    const path = await chooseExportPath(window, request.fileName, request.kind);
    if (!path) return { status: 'cancelled' };
    const data = request.encoding === 'base64' ? Buffer.from(request.data, 'base64') : request.data;
    try {
      await writeFileAtomic(path, data);
      return { status: 'saved', filePath: path };
    } catch (error) {
      return { status: 'error', message: describeWriteError(path, dirname(path), error) };
    }
  }
}
