import { memo, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useStudio } from '../studio/StudioContext';
import { BLANK_PRESETS, type BlankPreset } from './worksheetSettings';
import './worksheet.css';

// File › Print worksheet…: which example, which quantities are blank, and a seed for a sheet of
// its own per student. Print hands the page to the platform (worksheetFlows.ts).
export const WorksheetDialog = memo(function WorksheetDialog() {
  const open = useStore(useStudio().worksheet.dialog, (s) => s.open);
  return open ? <WorksheetForm /> : null;
});

function WorksheetForm() {
  const studio = useStudio();
  const { dialog, flows } = studio.worksheet;
  const form = useStore(dialog, (s) => s.form);
  const problem = useStore(dialog, (s) => s.problem);
  const busy = useStore(dialog, (s) => s.busy);
  const count = useStore(studio.document, (s) => s.doc.dataset.examples.length);
  const first = useRef<HTMLInputElement>(null);
  const desktop = studio.platform.kind === 'electron';
  useEffect(() => {
    first.current?.focus();
    first.current?.select();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        dialog.close();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dialog]);
  const invalid = (field: string) => (problem?.field === field ? true : undefined);
  return (
    <div className="files-backdrop" onClick={(e) => e.target === e.currentTarget && dialog.close()}>
      <form
        className="files-dialog worksheet-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="worksheet-title"
        aria-describedby="worksheet-lead"
        onSubmit={(e) => {
          e.preventDefault();
          void flows.print();
        }}
      >
        <h2 id="worksheet-title">Print worksheet</h2>
        <p id="worksheet-lead">
          One example’s forward pass, backward pass and update to work by hand, with blanks to fill in; the answer key starts a new page.
        </p>
        <label className="worksheet-field">
          <span>Example</span>
          <input
            ref={first}
            inputMode="numeric"
            value={form.example}
            aria-invalid={invalid('example')}
            onChange={(e) => dialog.edit({ example: e.target.value })}
          />
          <small>0 to {Math.max(count - 1, 0)}</small>
        </label>
        <label className="worksheet-field">
          <span>Blanks</span>
          <select value={form.preset} aria-invalid={invalid('preset')} onChange={(e) => dialog.edit({ preset: e.target.value as BlankPreset })}>
            {BLANK_PRESETS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {form.preset === 'list' && (
          <label className="worksheet-field">
            <span>List</span>
            <input
              value={form.list}
              placeholder="z, dEds, w:in_1->6"
              aria-invalid={invalid('list')}
              onChange={(e) => dialog.edit({ list: e.target.value })}
            />
            <small>phases, kinds (s, z, E, dsigma, dEds, dEdw, w) or rows such as z:3</small>
          </label>
        )}
        <label className="worksheet-field">
          <span>Seed</span>
          <input
            inputMode="numeric"
            value={form.seed}
            placeholder="the document’s weights"
            aria-invalid={invalid('seed')}
            onChange={(e) => dialog.edit({ seed: e.target.value })}
          />
          <small>a number re-draws the weights: one sheet per student</small>
        </label>
        {problem && (
          <p className="worksheet-problem" role="alert">
            {problem.message}
          </p>
        )}
        <div className="files-dialog-buttons">
          <span className="files-spacer" />
          <button type="button" onClick={() => dialog.close()}>
            Cancel
          </button>
          <button type="submit" className="files-primary" disabled={busy}>
            {desktop ? 'Save PDF…' : 'Print…'}
          </button>
        </div>
      </form>
    </div>
  );
}
