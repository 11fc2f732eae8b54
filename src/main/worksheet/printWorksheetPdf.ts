import type { BrowserWindow } from 'electron';
import { dirname } from 'node:path';
import type { ExportResult, WorksheetPdfRequest } from '../../shared/ipc';
import { chooseExportPath } from '../dialogs';
import { writeFileAtomic } from '../files/atomicWrite';
import { describeWriteError } from '../files/writeErrors';
import { renderPdf } from './renderPdf';

// File › Print Worksheet… on the desktop: the worksheet's page (made by the renderer, checked by
// the IPC guard) printed by Chromium to a PDF file the person picks, written atomically.

export interface WorksheetPdfDeps {
  choosePath: (window: BrowserWindow | null, fileName: string) => Promise<string | null>;
  renderPdf: (html: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}

const DEFAULT_DEPS: WorksheetPdfDeps = {
  choosePath: (window, fileName) => chooseExportPath(window, fileName, 'pdf'),
  renderPdf,
  writeFile: (path, data) => writeFileAtomic(path, Buffer.from(data)),
};

export function createWorksheetPdfPrinter(deps: WorksheetPdfDeps = DEFAULT_DEPS) {
  return async function printWorksheetPdf(window: BrowserWindow | null, request: WorksheetPdfRequest): Promise<ExportResult> {
    const path = await deps.choosePath(window, request.fileName);
    if (path === null) return { status: 'cancelled' };
    let pdf: Uint8Array;
    try {
      pdf = await deps.renderPdf(request.html);
    } catch (error) {
      return { status: 'error', message: `The worksheet could not be printed to PDF: ${error instanceof Error ? error.message : String(error)}` };
    }
    try {
      await deps.writeFile(path, pdf);
      return { status: 'saved', filePath: path };
    } catch (error) {
      return { status: 'error', message: describeWriteError(path, dirname(path), error) };
    }
  };
}

export const printWorksheetPdf = createWorksheetPdfPrinter();
