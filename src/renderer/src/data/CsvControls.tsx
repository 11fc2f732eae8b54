import { useEffect, useRef } from 'react';
import { registerCommand } from '../commands';
import { setExamples, useDocument } from '../store/document';
import { useLive } from '../store/live';
import { notify } from '../store/notices';
import { describeCsvErrors, formatCsv, parseCsv } from './csv';
import { exampleShape, fitExamples } from './examples';
import { targetValues } from './targets';

// CSV import (a file input) and export (a download), also reachable as the commands
// file.importCsv and file.exportCsv (menus, shortcuts).

async function importFile(file: File): Promise<void> {
  const doc = useDocument.getState().doc;
  const { examples, errors } = parseCsv(await file.text(), targetValues(doc));
  if (examples.length === 0) {
    notify(`No points in ${file.name}${errors.length ? `: ${describeCsvErrors(errors)}` : ''}`, 'error');
    return;
  }
  useLive.setState({ exampleIndex: null });
  setExamples(fitExamples(examples, exampleShape(doc)), `Import ${file.name}`);
  if (errors.length > 0) notify(`Imported ${examples.length} points; skipped ${errors.length} bad rows: ${describeCsvErrors(errors)}`, 'warning');
  else notify(`Imported ${examples.length} points from ${file.name}`, 'info');
}

function exportCsv(): void {
  const { doc, fileName } = useDocument.getState();
  const text = formatCsv(doc.dataset.examples, targetValues(doc));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileName.replace(/\.bpgraph\.json$|\.json$/i, '') || 'points'}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CsvControls() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const offImport = registerCommand('file.importCsv', () => input.current?.click());
    const offExport = registerCommand('file.exportCsv', exportCsv);
    return () => {
      offImport();
      offExport();
    };
  }, []);

  return (
    <div className="data-buttons">
      <button type="button" onClick={() => input.current?.click()}>
        Import CSV…
      </button>
      <button type="button" onClick={exportCsv}>
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
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
