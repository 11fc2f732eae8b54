import { useEffect, useRef } from 'react';
import { useStudio } from '../studio/StudioContext';
import { useCsvImports } from '../studio/hooks';
import type { Studio } from '../studio/createStudio';

// The Data panel's CSV buttons: Import (a file input; the studio's csv service reads and parses
// the file off the page, with progress and Cancel: data/csvImports.ts) and Export (a download).
// Import is also the command file.importCsv (menus, shortcuts), which needs this file input.

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
  const importing = useCsvImports((s) => s.importing);
  useEffect(() => studio.commands.register('file.importCsv', () => chooseCsv(studio, input.current, button.current)), [studio]);

  return (
    <div className="data-buttons">
      <button ref={button} type="button" onClick={() => input.current?.click()} disabled={importing !== null}>
        Import CSV…
      </button>
      <button type="button" onClick={() => void studio.csv.exportCsv()}>
        Export CSV
      </button>
      {importing && (
        <span className="csv-import-progress" role="status">
          Reading {importing.fileName}… {Math.round(importing.fraction * 100)} %{' '}
          <button type="button" onClick={() => studio.csv.cancel()}>
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
          if (file) void studio.csv.importFile(file);
        }}
      />
    </div>
  );
}
