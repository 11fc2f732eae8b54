import { createStore } from 'zustand/vanilla';
import type { UnsavedChoice } from '../../../shared/ipc';

// In-page dialogs for the browser, where there are no native ones: Save / Don't Save / Cancel
// before discarding changes, and a message naming why a file could not be opened. One at a
// time; each returns a promise that the dialog's buttons settle.

export type PendingDialog =
  | { kind: 'unsaved'; name: string; resolve: (choice: UnsavedChoice) => void }
  | { kind: 'error'; title: string; message: string; resolve: () => void }
  | { kind: 'name'; title: string; value: string; resolve: (name: string | null) => void };

export interface DialogState {
  dialog: PendingDialog | null;
}

export function createFileDialogs() {
  const store = createStore<DialogState>(() => ({ dialog: null }));

  function askUnsaved(name: string): Promise<UnsavedChoice> {
    return new Promise((resolve) => {
      settleCurrent();
      store.setState({
        dialog: { kind: 'unsaved', name, resolve: (choice) => close(() => resolve(choice)) },
      });
    });
  }

  function showErrorDialog(title: string, message: string): Promise<void> {
    return new Promise((resolve) => {
      settleCurrent();
      store.setState({ dialog: { kind: 'error', title, message, resolve: () => close(resolve) } });
    });
  }

  /** Save As in the browser: the name the download gets (null: cancelled) */
  function askFileName(title: string, value: string): Promise<string | null> {
    return new Promise((resolve) => {
      settleCurrent();
      store.setState({ dialog: { kind: 'name', title, value, resolve: (name) => close(() => resolve(name)) } });
    });
  }

  function close(then: () => void): void {
    store.setState({ dialog: null });
    then();
  }

  /** a new dialog replaces an open one, which counts as cancelled */
  function settleCurrent(): void {
    const current = store.getState().dialog;
    if (!current) return;
    if (current.kind === 'unsaved') current.resolve('cancel');
    else if (current.kind === 'name') current.resolve(null);
    else current.resolve();
  }

  return Object.assign(store, { askUnsaved, showErrorDialog, askFileName });
}

export type FileDialogs = ReturnType<typeof createFileDialogs>;
