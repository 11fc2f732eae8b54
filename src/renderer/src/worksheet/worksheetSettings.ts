// What the "Print worksheet…" dialog asks: which example, which quantities are blank, and an
// optional seed that re-draws the weights (one sheet per student). The form's text is read here,
// each problem as a sentence naming the field.

import type { GraphDoc } from '../../../engine';
import { parseBlanks, worksheetKeys, WorksheetError, type BlankChoice } from '../../../engine/worksheet';

/** the dialog's choices of blanks; 'list' takes the text field */
export const BLANK_PRESETS = [
  ['all', 'Everything'],
  ['forward', 'Forward pass'],
  ['backward', 'Backward pass'],
  ['update', 'Update'],
  ['backward,update', 'Backward pass and update'],
  ['list', 'A list…'],
] as const;
export type BlankPreset = (typeof BLANK_PRESETS)[number][0];

export interface WorksheetForm {
  example: string;
  preset: BlankPreset;
  /** the list when preset is 'list', e.g. "z, dEds:6" */
  list: string;
  /** empty: the document's own weights */
  seed: string;
}

export interface WorksheetSettings {
  example: number;
  blanks: BlankChoice;
  /** the --blank text the command line takes for the same sheet */
  blankText: string;
  seed: number | undefined;
}

export type FormResult = { ok: true; settings: WorksheetSettings } | { ok: false; field: keyof WorksheetForm; message: string };

export function readForm(doc: GraphDoc, form: WorksheetForm): FormResult {
  const n = doc.dataset.examples.length;
  const example = form.example.trim();
  if (!/^\d+$/.test(example) || Number(example) >= n) {
    const range = n === 0 ? 'the data set has no examples yet' : `choose 0 to ${n - 1}`;
    return { ok: false, field: 'example', message: `Example “${form.example}” does not exist: ${range}.` };
  }
  const seedText = form.seed.trim();
  if (seedText !== '' && (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))) {
    return { ok: false, field: 'seed', message: `The seed is a whole number, or empty for the document’s own weights; “${form.seed}” is not.` };
  }
  const blankText = form.preset === 'list' ? form.list : form.preset;
  let keys: Set<string>;
  try {
    keys = worksheetKeys(doc, Number(example));
  } catch (err) {
    if (err instanceof WorksheetError) return { ok: false, field: 'example', message: err.message };
    throw err;
  }
  const blanks = parseBlanks(blankText, keys);
  if (!blanks.ok) return { ok: false, field: form.preset === 'list' ? 'list' : 'preset', message: blanks.message };
  return { ok: true, settings: { example: Number(example), blanks: blanks.choice, blankText: blankText.trim(), seed: seedText === '' ? undefined : Number(seedText) } };
}
