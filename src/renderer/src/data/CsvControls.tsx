import { useEffect, useRef, useState } from 'react';
import { describeCsvErrors, formatDatasetCsv } from './csv';
import type { CsvImportResult } from './csvImport';
import { createCsvImporter, type CsvImporter, type CsvImportJob, type CsvWorkerLike } from './csvImporter';
import { exampleShape } from './examples';
import { DEFAULT_DOMAIN } from './plotMapping';
import { targetValues } from './targets';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

// CSV import (a file input; read and parsed in a worker, with progress and Cancel) and export
// (a download), also reachable as the commands file.importCsv and file.exportCsv (menus, shortcuts).

/** the importer the page uses: one module worker per import (the studio may pass its own) */
export function browserCsvImporter(): CsvImporter {
  return createCsvImporter({
    createWorker: () => new Worker(new URL('../worker/csvImport.worker.ts', import.meta.url), { type: 'module' }) as unknown as CsvWorkerLike,
  });
}

interface Importing {
  fileName: string;
  fraction: number;
  job: CsvImportJob;
}

function startImport(studio: Studio, file: File, importer: CsvImporter, show: (state: Importing | null) => void): void {
  const { doc, revision } = studio.document.getState();
  const request = {
    fileName: file.name,
    doc: { ...doc, dataset: { ...doc.dataset, examples: [] } },
    shape: exampleShape(doc),
    targets: targetValues(doc),
    domain: doc.dataset.domain ?? DEFAULT_DOMAIN,
  };
  let state: Importing;
  const job = importer.start(file, request, (fraction) => show((state = { ...state, fraction })));
  show((state = { fileName: file.name, fraction: 0, job }));
  void job.outcome.then((outcome) => {
    show(null);
    if (outcome.status === 'cancelled') studio.notices.notify(`Import of ${file.name} cancelled; the data is unchanged.`, 'info');
    else applyImport(studio, file.name, outcome.result, revision);
  });
}

/** the checked result replaces the data, unless the document changed while the file was read */
function applyImport(studio: Studio, fileName: string, result: CsvImportResult, revision: number): void {
  const { notify } = studio.notices;
  if (!result.ok) {
    notify(result.message, 'error');
    return;
  }
  const { doc, revision: now } = studio.document.getState();
  if (now !== revision) {
    notify(`The document changed while ${fileName} was being read; nothing was imported. Import it again.`, 'error');
    return;
  }
  studio.live.setState({ exampleIndex: null });
  const label = `Import ${fileName}`;
  const domain = result.widened;
  // the whole data set: the file may also say its problem, its class labels, its test examples
  studio.document.replaceDocument({ ...doc, dataset: result.dataset }, label);
  const widened = domain ? `; the plot now shows x ${domain.x[0]}…${domain.x[1]}, y ${domain.y[0]}…${domain.y[1]} to fit them` : '';
  const points = result.imported.toLocaleString('en');
  if (result.errors.length > 0) {
    const skipped = result.errors.length.toLocaleString('en');
    notify(`Imported ${points} points from ${fileName}${widened}; skipped ${skipped} bad rows: ${describeCsvErrors(result.errors)}`, 'warning');
  } else notify(`Imported ${points} points from ${fileName}${widened}`, 'info');
}

/** through the platform: a save dialog on the desktop, a download in the browser */
async function exportCsv(studio: Studio): Promise<void> {
  const { doc, fileName } = studio.document.getState();
  const data = formatDatasetCsv(doc.dataset, targetValues(doc));
  const name = `${fileName.replace(/\.bpgraph\.json$|\.json$/i, '') || 'points'}.csv`;
  const result = await studio.platform.exportFile({ fileName: name, kind: 'csv', data });
  if (result.status === 'error') studio.notices.notify(`Could not export the points: ${result.message}`, 'error');
}

/**
 * Opens the file chooser. Browsers open one only in answer to a person's click or key; a menu
 * command may come without one, so then the Import button is focused and the person is asked.
 */
function chooseCsv(studio: Studio, input: HTMLInputElement | null, button: HTMLButtonElement | null): void {
  if (!input) return;
  const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
  if (!activation || activation.isActive) {
    input.click();
    return;
  }
  button?.scrollIntoView({ block: 'nearest' });
  button?.focus();
  studio.notices.notify('Press Enter (or click “Import CSV…” in the Data panel) to choose the CSV file.', 'info');
}

export function CsvControls({ importer: given }: { importer?: CsvImporter } = {}) {
  const studio = useStudio();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [importer] = useState(() => given ?? browserCsvImporter());
  const [importing, setImporting] = useState<Importing | null>(null);
  useEffect(() => {
    const offImport = studio.commands.register('file.importCsv', () => chooseCsv(studio, input.current, button.current));
    const offExport = studio.commands.register('file.exportCsv', () => exportCsv(studio));
    return () => {
      offImport();
      offExport();
    };
  }, [studio]);

  return (
    <div className="data-buttons">
      <button ref={button} type="button" onClick={() => input.current?.click()} disabled={importing !== null}>
        Import CSV…
      </button>
      <button type="button" onClick={() => void exportCsv(studio)}>
        Export CSV
      </button>
      {importing && (
        <span className="csv-import-progress" role="status">
          Reading {importing.fileName}… {Math.round(importing.fraction * 100)} %{' '}
          <button type="button" onClick={() => importing.job.cancel()}>
            Cancel
          </button>
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label="CSV file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) startImport(studio, file, importer, setImporting);
        }}
      />
    </div>
  );
}
