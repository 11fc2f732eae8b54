// Which quantities of a worksheet are left blank: a phase (forward, backward, update), all of
// them, or a list naming phases, kinds of quantity (s, z, E, dsigma, dEds, dEdw, v, w) or single
// rows by key (e.g. "z:3", "dEdw:in_1->1"). Text from the command line or the dialog is read
// with parseBlanks, which names the word it does not know.

import { z } from 'zod';

export const PHASES = ['forward', 'backward', 'update'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.output<typeof phaseSchema>;

/** the kinds of row: s_k, z_k, E_i, σ'(s_k), ∂E/∂s_k, ∂E/∂w, momentum's new velocity v', the updated weight w' */
export const ROW_KINDS = ['s', 'z', 'E', 'dsigma', 'dEds', 'dEdw', 'v', 'w'] as const;
export const rowKindSchema = z.enum(ROW_KINDS);
export type RowKind = z.output<typeof rowKindSchema>;

export const blankChoiceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('all') }),
  /** each item a phase, a row kind or a row key */
  z.strictObject({ type: z.literal('list'), items: z.array(z.string().min(1)).min(1) }),
]);
export type BlankChoice = z.output<typeof blankChoiceSchema>;

export interface BlankRow {
  key: string;
  kind: RowKind;
  phase: Phase;
}

export type BlankParse = { ok: true; choice: BlankChoice } | { ok: false; message: string };

/** "forward", "all", "none" or a comma-separated list; row keys must name rows of `keys` */
export function parseBlanks(text: string, keys: ReadonlySet<string>): BlankParse {
  const trimmed = text.trim();
  if (trimmed === 'all' || trimmed === 'none') return { ok: true, choice: { type: trimmed } };
  const items = trimmed.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) return { ok: false, message: `the list of blanks '${text}' has an empty item` };
  for (const item of items) {
    if (!isPhase(item) && !isKind(item) && !keys.has(item)) {
      return {
        ok: false,
        message: `'${item}' is not a quantity of this worksheet: give forward, backward, update, all, none, or a list of ${ROW_KINDS.join(', ')} or row keys such as ${[...keys].slice(0, 2).join(', ')}`,
      };
    }
  }
  return { ok: true, choice: { type: 'list', items } };
}

/** whether the row is left blank under the choice */
export function isBlank(row: BlankRow, choice: BlankChoice): boolean {
  if (choice.type === 'none') return false;
  if (choice.type === 'all') return true;
  return choice.items.some((item) => item === row.phase || item === row.kind || item === row.key);
}

function isPhase(word: string): word is Phase {
  return (PHASES as readonly string[]).includes(word);
}

function isKind(word: string): word is RowKind {
  return (ROW_KINDS as readonly string[]).includes(word);
}
