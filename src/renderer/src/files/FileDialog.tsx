import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import { type PendingDialog } from './dialogStore';
import './files.css';
import { useFileDialog } from '../studio/hooks';

// The browser's stand-in for native dialogs: a modal with the question and its answers.
// Escape cancels; focus starts on the safest useful button.
export const FileDialog = memo(function FileDialog() {
  const dialog = useFileDialog((s) => s.dialog);
  if (!dialog) return null;
  return (
    <div className="files-backdrop">
      {dialog.kind === 'unsaved' ? (
        <UnsavedDialog dialog={dialog} />
      ) : dialog.kind === 'name' ? (
        <NameDialog dialog={dialog} />
      ) : (
        <ErrorDialog dialog={dialog} />
      )}
    </div>
  );
});

function UnsavedDialog({ dialog }: { dialog: Extract<PendingDialog, { kind: 'unsaved' }> }) {
  const first = useAutoFocus();
  useEscape(() => dialog.resolve('cancel'));
  return (
    <div className="files-dialog" role="dialog" aria-modal="true" aria-labelledby="files-unsaved-title" aria-describedby="files-unsaved-detail">
      <h2 id="files-unsaved-title">Save changes to “{dialog.name}”?</h2>
      <p id="files-unsaved-detail">Your changes will be lost if you don’t save them.</p>
      <div className="files-dialog-buttons">
        <button type="button" onClick={() => dialog.resolve('discard')}>
          Don’t Save
        </button>
        <span className="files-spacer" />
        <button type="button" onClick={() => dialog.resolve('cancel')}>
          Cancel
        </button>
        <button type="button" className="files-primary" ref={first} onClick={() => dialog.resolve('save')}>
          Save
        </button>
      </div>
    </div>
  );
}

function ErrorDialog({ dialog }: { dialog: Extract<PendingDialog, { kind: 'error' }> }) {
  const first = useAutoFocus();
  useEscape(dialog.resolve);
  return (
    <div className="files-dialog" role="alertdialog" aria-modal="true" aria-labelledby="files-error-title" aria-describedby="files-error-detail">
      <h2 id="files-error-title">{dialog.title}</h2>
      <p id="files-error-detail" className="files-error-detail">
        {dialog.message}
      </p>
      <div className="files-dialog-buttons">
        <span className="files-spacer" />
        <button type="button" className="files-primary" ref={first} onClick={dialog.resolve}>
          OK
        </button>
      </div>
    </div>
  );
}

function NameDialog({ dialog }: { dialog: Extract<PendingDialog, { kind: 'name' }> }) {
  const [value, setValue] = useState(dialog.value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    el?.focus();
    el?.setSelectionRange(0, dialog.value.replace(/\.bpgraph\.json$/i, '').length);
  }, [dialog.value]);
  useEscape(() => dialog.resolve(null));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) dialog.resolve(value.trim());
  };
  return (
    <form className="files-dialog" role="dialog" aria-modal="true" aria-labelledby="files-name-title" onSubmit={submit}>
      <h2 id="files-name-title">{dialog.title}</h2>
      <label className="files-name-field">
        File name
        <input ref={input} value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
      </label>
      <div className="files-dialog-buttons">
        <span className="files-spacer" />
        <button type="button" onClick={() => dialog.resolve(null)}>
          Cancel
        </button>
        <button type="submit" className="files-primary" disabled={!value.trim()}>
          Save
        </button>
      </div>
    </form>
  );
}

function useAutoFocus() {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function useEscape(onEscape: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onEscape();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onEscape]);
}
