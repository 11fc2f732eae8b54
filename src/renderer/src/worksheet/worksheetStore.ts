import { createStore } from 'zustand/vanilla';
import type { WorksheetForm } from './worksheetSettings';

// The "Print worksheet…" dialog: open or not, what is typed in it, and the last problem.

export interface WorksheetDialogState {
  open: boolean;
  form: WorksheetForm;
  /** a sentence naming what is wrong, or null */
  problem: { field: keyof WorksheetForm | null; message: string } | null;
  /** printing or saving right now */
  busy: boolean;
}

const FIRST_FORM: WorksheetForm = { example: '0', preset: 'all', list: '', seed: '' };

export function createWorksheetDialog() {
  const store = createStore<WorksheetDialogState>(() => ({ open: false, form: FIRST_FORM, problem: null, busy: false }));
  return {
    ...store,
    /** opens on the example in hand (the rest as last time) */
    show: (example: number | null) =>
      store.setState((s) => ({ open: true, problem: null, busy: false, form: { ...s.form, example: String(example ?? 0) } })),
    close: () => store.setState({ open: false, busy: false }),
    edit: (patch: Partial<WorksheetForm>) => store.setState((s) => ({ form: { ...s.form, ...patch }, problem: null })),
    fail: (field: keyof WorksheetForm | null, message: string) => store.setState({ problem: { field, message }, busy: false }),
    setBusy: (busy: boolean) => store.setState({ busy }),
  };
}

export type WorksheetDialog = ReturnType<typeof createWorksheetDialog>;
