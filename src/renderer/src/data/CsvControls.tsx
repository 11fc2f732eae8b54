import { useEffect, useRef } from 'react';
import { describeCsvErrors, formatCsv, parseCsv } from './csv';
import { exampleShape, fitExamples } from './examples';
import { domainToFit } from './domainFit';
import { DEFAULT_DOMAIN } from './plotMapping';
import { targetValues } from './targets';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

// CSV import (a file input) and export (a download), also reachable as the commands
// file.importCsv and file.exportCsv (menus, shortcuts).

async function importFile(studio: Studio, file: File): Promise<void> {
  const doc = studio.document.getState().doc;
  const { examples, errors } = parseCsv(await file.text(), targetValues(doc), exampleShape(doc).outputs);
  if (examples.length === 0) {
    studio.notices.notify(`No points in ${file.name}${errors.length ? `: ${describeCsvErrors(errors)}` : ''}`, 'error');
    return;
  }
  studio.live.setState({ exampleIndex: null });
  const fitted = fitExamples(examples, exampleShape(doc));
  const domain = domainToFit(fitted, doc.dataset.domain ?? DEFAULT_DOMAIN);
  const label = `Import ${file.name}`;
  if (domain) studio.document.replaceDocument({ ...doc, dataset: { ...doc.dataset, examples: fitted, domain } }, label);
  else studio.document.setExamples(fitted, label);
  const widened = domain ? `; the plot now shows x ${domain.x[0]}…${domain.x[1]}, y ${domain.y[0]}…${domain.y[1]} to fit them` : '';
  if (errors.length > 0) {
    studio.notices.notify(`Imported ${examples.length} points${widened}; skipped ${errors.length} bad rows: ${describeCsvErrors(errors)}`, 'warning');
  } else studio.notices.notify(`Imported ${examples.length} points from ${file.name}${widened}`, 'info');
}

/** through the platform: a save dialog on the desktop, a download in the browser */
async function exportCsv(studio: Studio): Promise<void> {
  const { doc, fileName } = studio.document.getState();
  const data = formatCsv(doc.dataset.examples, targetValues(doc));
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

export function CsvControls() {
  const studio = useStudio();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
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
      <button ref={button} type="button" onClick={() => input.current?.click()}>
        Import CSV…
      </button>
      <button type="button" onClick={() => void exportCsv(studio)}>
        Export CSV
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label="CSV file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(studio, file);
        }}
      />
    </div>
  );
}
