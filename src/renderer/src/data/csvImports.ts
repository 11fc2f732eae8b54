import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import type { Notices } from '../store/notices';
import type { Platform } from '../platform/types';
import type { Commands } from '../commands';
import { describeCsvErrors, formatDatasetCsv } from './csv';
import type { CsvImportResult } from './csvImport';
import type { CsvImporter, CsvImportJob } from './csvImporter';
import { exampleShape } from './examples';
import { DEFAULT_DOMAIN } from './plotMapping';
import { targetValues } from './targets';

// The Data panel's CSV import and export, a studio service: an import reads and parses the file
// off the page (csvImporter.ts), shows its progress, may be cancelled, and replaces the data (one
// undo step) only with a checked result and only if the document did not change meanwhile; a
// refusal or a cancel leaves the document as it was. Export goes through the platform.

export interface CsvImportsState {
  /** the import running now: its file and how much of it is read (0…1) */
  importing: { fileName: string; fraction: number } | null;
}

export interface CsvImportsDeps {
  importer: CsvImporter;
  document: DocumentStore;
  live: Pick<Live, 'setState'>;
  notices: Pick<Notices, 'notify'>;
  platform: Pick<Platform, 'exportFile'>;
  commands: Pick<Commands, 'register'>;
}

export function createCsvImports({ importer, document, live, notices, platform, commands }: CsvImportsDeps) {
  const state: StoreApi<CsvImportsState> = createStore<CsvImportsState>(() => ({ importing: null }));
  let job: CsvImportJob | null = null;
  let stops: (() => void)[] = [];

  /** reads `file` into the document's data set (resolves once it is applied, refused or cancelled) */
  async function importFile(file: File): Promise<void> {
    if (job) return; // one at a time (the button is disabled meanwhile)
    const { doc, revision } = document.getState();
    const request = {
      fileName: file.name,
      doc: { ...doc, dataset: { ...doc.dataset, examples: [] } },
      shape: exampleShape(doc),
      targets: targetValues(doc),
      domain: doc.dataset.domain ?? DEFAULT_DOMAIN,
    };
    const running = importer.start(file, request, (fraction) => state.setState({ importing: { fileName: file.name, fraction } }));
    job = running;
    state.setState({ importing: { fileName: file.name, fraction: 0 } });
    const outcome = await running.outcome;
    if (job === running) job = null;
    state.setState({ importing: null });
    if (outcome.status === 'cancelled') notices.notify(`Import of ${file.name} cancelled; the data is unchanged.`, 'info');
    else apply(file.name, outcome.result, revision);
  }

  /** the checked result replaces the data, unless the document changed while the file was read */
  function apply(fileName: string, result: CsvImportResult, revision: number): void {
    if (!result.ok) {
      notices.notify(result.message, 'error');
      return;
    }
    const { doc, revision: now } = document.getState();
    if (now !== revision) {
      notices.notify(`The document changed while ${fileName} was being read; nothing was imported. Import it again.`, 'error');
      return;
    }
    live.setState({ exampleIndex: null });
    const domain = result.widened;
    // the whole data set: the file may also say its problem, its class labels, its test examples
    document.replaceDocument({ ...doc, dataset: result.dataset }, `Import ${fileName}`);
    const widened = domain ? `; the plot now shows x ${domain.x[0]}…${domain.x[1]}, y ${domain.y[0]}…${domain.y[1]} to fit them` : '';
    const points = result.imported.toLocaleString('en');
    if (result.errors.length > 0) {
      const skipped = result.errors.length.toLocaleString('en');
      notices.notify(`Imported ${points} points from ${fileName}${widened}; skipped ${skipped} bad rows: ${describeCsvErrors(result.errors)}`, 'warning');
    } else notices.notify(`Imported ${points} points from ${fileName}${widened}`, 'info');
  }

  /** through the platform: a save dialog on the desktop, a download in the browser */
  async function exportCsv(): Promise<void> {
    const { doc, fileName } = document.getState();
    const data = formatDatasetCsv(doc.dataset, targetValues(doc));
    const name = `${fileName.replace(/\.bpgraph\.json$|\.json$/i, '') || 'points'}.csv`;
    const result = await platform.exportFile({ fileName: name, kind: 'csv', data });
    if (result.status === 'error') notices.notify(`Could not export the points: ${result.message}`, 'error');
  }

  return {
    state,
    importFile,
    /** ends the running import (its worker too); the data stays as it was */
    cancel: () => job?.cancel(),
    exportCsv,
    /** registers file.exportCsv (file.importCsv needs the page's file input: the Data panel's) */
    start(): void {
      if (stops.length > 0) return;
      stops = [commands.register('file.exportCsv', exportCsv)];
    },
    /** undoes start, and cancels a running import */
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
      job?.cancel();
    },
  };
}

export type CsvImports = ReturnType<typeof createCsvImports>;
