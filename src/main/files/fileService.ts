import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { OpenResult, SaveRequest, SaveResult } from '../../shared/ipc';
import { writeFileAtomic } from './atomicWrite';
import { currentVersion, DiskVersions, hashText } from './diskVersions';
import { PathGrants, withGraphExtension } from './pathGrants';
import { readDocument } from './readDocument';
import { describeWriteError } from './writeErrors';
import type { RecentFiles } from './recentFiles';

// Opening and saving documents on the main side, with the person's choices (dialogs) injected
// so the rules run in plain Node tests: which paths may be written, asking before overwriting a
// file that changed on disk, atomic save with a backup, re-reading what was written.

export interface FileDialogs {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string, folder: string | null): Promise<string | null>;
  /** the file changed on disk since it was opened (or was deleted): overwrite it? */
  confirmOverwriteChanged(path: string): Promise<boolean>;
  /** a save path we completed with an extension already exists: replace it? */
  confirmReplace(path: string): Promise<boolean>;
}

export class FileService {
  readonly grants: PathGrants;
  private readonly versions = new DiskVersions();

  constructor(
    private readonly recent: RecentFiles,
    private readonly dialogs: FileDialogs,
  ) {
    this.grants = new PathGrants((p) => recent.has(p));
  }

  async openWithDialog(): Promise<OpenResult> {
    const path = await this.dialogs.chooseOpenPath();
    if (!path) return { status: 'cancelled' };
    this.grants.grant(path);
    return this.openGranted(path);
  }

  /** a path from the recent list, the command line, a drop main saw (droppedFile.ts), or a
   *  request main itself sent; a path the renderer merely names is refused */
  async openPath(path: string): Promise<OpenResult> {
    if (!this.grants.allows(path)) return refused(path);
    return this.openGranted(path);
  }

  private async openGranted(path: string): Promise<OpenResult> {
    const result = await readDocument(path);
    if (result.status === 'opened') {
      this.versions.remember(path, hashText(result.text));
      await this.recent.add(path);
    } else if (this.recent.has(path)) {
      await this.recent.remove(path);
    }
    return result;
  }

  async save(request: SaveRequest): Promise<SaveResult> {
    const target = await this.saveTarget(request);
    if (target === null) return { status: 'cancelled' };
    if ('error' in target) return { status: 'error', message: target.error };
    try {
      await writeFileAtomic(target.path, request.text, { backup: true });
      const written = await readFile(target.path, 'utf8');
      if (written !== request.text) return { status: 'error', message: `“${basename(target.path)}” did not read back as written; the disk may be full or failing.` };
    } catch (error) {
      return { status: 'error', message: describeWriteError(target.path, dirname(target.path), error) };
    }
    this.versions.remember(target.path, hashText(request.text));
    await this.recent.add(target.path);
    return { status: 'saved', filePath: target.path, fileName: basename(target.path) };
  }

  private async saveTarget(request: SaveRequest): Promise<{ path: string } | { error: string } | null> {
    if (request.saveAs || request.filePath === null) return this.chooseTarget(request);
    const path = request.filePath;
    if (!this.grants.allows(path)) return { error: `Backprop Studio may only save to a file you chose; use Save As… for “${basename(path)}”.` };
    if ((await this.versions.changedOnDisk(path)) && !(await this.dialogs.confirmOverwriteChanged(path))) return null;
    return { path };
  }

  private async chooseTarget(request: SaveRequest): Promise<{ path: string } | null> {
    const folder = request.filePath ? dirname(request.filePath) : null;
    const chosen = await this.dialogs.chooseSavePath(request.fileName, folder);
    if (!chosen) return null;
    const path = withGraphExtension(chosen);
    if (path !== chosen && (await currentVersion(path)) !== 'absent' && !(await this.dialogs.confirmReplace(path))) return null;
    this.grants.grant(path);
    return { path };
  }
}

function refused(path: string): OpenResult {
  return {
    status: 'error',
    fileName: basename(path),
    message: `Backprop Studio opens only files you chose; open “${basename(path)}” with File › Open….`,
  };
}
