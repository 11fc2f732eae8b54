import { GraphFileError, type GraphDoc } from '../../../engine';
import { WorksheetError } from '../../../engine/worksheet';
import type { Platform } from '../platform/types';
import type { DocumentStore } from '../store/document';
import type { StoreApi } from 'zustand/vanilla';
import type { LiveState } from '../store/live';
import type { Notices } from '../store/notices';
import type { WorksheetDialog } from './worksheetStore';
import { readForm, type WorksheetSettings } from './worksheetSettings';

// File › Print worksheet…: the dialog opens on the example in hand; Print reads the form, makes
// the page (worksheetPage.ts, loaded on demand with the fonts) and hands it to the platform: the
// web page's print dialog, or a PDF file on the desktop.

export interface WorksheetFlowDeps {
  document: Pick<DocumentStore, 'getState'>;
  live: Pick<StoreApi<LiveState>, 'getState'>;
  dialog: WorksheetDialog;
  notices: Pick<Notices, 'notify'>;
  platform: Pick<Platform, 'printWorksheet'>;
  /** the page maker, loaded when first needed */
  loadPage: () => Promise<{ worksheetPage: (doc: GraphDoc, fileName: string, settings: WorksheetSettings) => string }>;
}

/** "tutorial-2-5-1.bpgraph.json", example 3, seed 7 → "tutorial-2-5-1 worksheet 3 seed 7.pdf" */
export function pdfNameFor(fileName: string, settings: Pick<WorksheetSettings, 'example' | 'seed'>): string {
  const stem = fileName.replace(/\.bpgraph\.json$|\.json$/i, '').trim() || 'Untitled';
  return `${stem} worksheet ${settings.example}${settings.seed === undefined ? '' : ` seed ${settings.seed}`}.pdf`;
}

export function createWorksheetFlows(deps: WorksheetFlowDeps) {
  const { document, live, dialog, notices, platform } = deps;

  /** the page for the form as typed, or null (the dialog then names the problem) */
  async function makePage(): Promise<{ html: string; settings: WorksheetSettings } | null> {
    const { doc, fileName } = document.getState();
    const read = readForm(doc, dialog.getState().form);
    if (!read.ok) {
      dialog.fail(read.field, read.message);
      return null;
    }
    try {
      const { worksheetPage } = await deps.loadPage();
      return { html: worksheetPage(doc, fileName, read.settings), settings: read.settings };
    } catch (err) {
      if (err instanceof WorksheetError || err instanceof GraphFileError) {
        dialog.fail(null, err.message);
        return null;
      }
      throw err;
    }
  }

  async function print(): Promise<void> {
    if (dialog.getState().busy) return;
    dialog.setBusy(true);
    const page = await makePage();
    if (page === null) return;
    const result = await platform.printWorksheet({ html: page.html, fileName: pdfNameFor(document.getState().fileName, page.settings) });
    if (result.status === 'error') return dialog.fail(null, result.message);
    if (result.status === 'cancelled') return dialog.setBusy(false);
    dialog.close();
    notices.notify(result.status === 'saved' ? `Worksheet saved: ${result.filePath}` : 'Worksheet sent to the print dialog (the answer key is on its own page).');
  }

  return {
    open: () => dialog.show(live.getState().exampleIndex),
    print,
    makePage,
  };
}

export type WorksheetFlows = ReturnType<typeof createWorksheetFlows>;
