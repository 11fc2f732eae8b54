import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { checkAnswer, diagnose, exampleQuantities, parseAnswer, TOLERANCE_SENTENCE, type PredictPhase, type Quantity } from '../../../engine/predict';
import { readable } from '../format/number';
import { Panel } from '../panels/Panel';
import { QuantityName } from './QuantityName';
import { diagnosisSentence } from './store';
import { useDocument, useLive } from '../studio/hooks';

// "Work it by hand": one example's quantities as a table, those of the chosen phases blank.
// Each blank is checked as it is filled in (Enter, or leaving the field) by the same checker and
// diagnosis as Predict; the count says how many are right. The update is one sequential step
// from this example (the engine's trainExample).

export const BLANK_CHOICES = ['forward', 'backward', 'update', 'all'] as const;
export type BlankChoice = (typeof BLANK_CHOICES)[number];

const BLANK_PHASES: Record<BlankChoice, readonly PredictPhase[]> = {
  forward: ['forward', 'error'],
  backward: ['backward'],
  update: ['update'],
  all: ['forward', 'error', 'backward', 'update'],
};
const BLANK_NAMES: Record<BlankChoice, string> = { forward: 'Forward and error', backward: 'Backward', update: 'Update', all: 'All' };

type Entry = { text: string; right: boolean; why: string | null };

/** the example's quantities, or the reason there are none */
function useWorkQuantities(): { quantities: Quantity[]; problem: string | null; exampleIndex: number | null } {
  const doc = useDocument((s) => s.doc);
  const index = useLive((s) => s.exampleIndex);
  return useMemo(() => {
    if (index === null) return { quantities: [], problem: 'Add or pick a point to work its pass by hand.', exampleIndex: null };
    try {
      return { quantities: exampleQuantities(doc, index), problem: null, exampleIndex: index };
    } catch (e) {
      return { quantities: [], problem: `This graph cannot be computed yet: ${e instanceof Error ? e.message : String(e)}.`, exampleIndex: index };
    }
  }, [doc, index]);
}

export const WorkTable = memo(function WorkTable() {
  const { quantities, problem, exampleIndex } = useWorkQuantities();
  const [blanks, setBlanks] = useState<BlankChoice>('all');
  return (
    <Panel id="worksheet" title="Work it by hand" className="work">
      <fieldset className="work-blanks">
        <legend className="visually-hidden">Which quantities are blank</legend>
        Blank:
        {BLANK_CHOICES.map((c) => (
          <label key={c}>
            <input type="radio" name="work-blanks" value={c} checked={blanks === c} onChange={() => setBlanks(c)} /> {BLANK_NAMES[c]}
          </label>
        ))}
      </fieldset>
      {problem ? (
        <p className="stepper-hint">{problem}</p>
      ) : (
        // a new example, new weights or other blanks: a fresh sheet
        <Sheet key={`${exampleIndex}:${blanks}:${quantities.map((q) => q.value).join(',')}`} quantities={quantities} blanks={BLANK_PHASES[blanks]} exampleIndex={exampleIndex ?? 0} />
      )}
    </Panel>
  );
});

function Sheet({ quantities, blanks, exampleIndex }: { quantities: Quantity[]; blanks: readonly PredictPhase[]; exampleIndex: number }) {
  const [entries, setEntries] = useState<Readonly<Record<string, Entry>>>({});
  const blank = quantities.filter((q) => blanks.includes(q.phase));
  const right = blank.filter((q) => entries[q.key]?.right).length;
  const check = (q: Quantity, text: string) => {
    if (text.trim() === '') return setEntries(({ [q.key]: _cleared, ...rest }) => rest);
    const parsed = parseAnswer(text);
    const entry: Entry = !parsed.ok
      ? { text, right: false, why: parsed.message }
      : checkAnswer(q, parsed.value).right
        ? { text, right: true, why: null }
        : { text, right: false, why: diagnosisSentence(diagnose(q, parsed.value)) };
    setEntries((e) => ({ ...e, [q.key]: entry }));
  };
  const done = blank.length > 0 && right === blank.length;
  return (
    <>
      <p className="work-count" role="status" aria-live="polite">
        {done ? `All ${blank.length} right: example ${exampleIndex + 1} worked by hand.` : `${right} of ${blank.length} right`}
      </p>
      <p className="predict-hint">{TOLERANCE_SENTENCE} Enter or leaving a field checks it.</p>
      <div className="work-table-wrap">
        <table className="stepper-table work-table">
          <caption>Example {exampleIndex + 1}: every quantity of its pass and update</caption>
          <thead>
            <tr>
              <th scope="col">quantity</th>
              <th scope="col">value</th>
              <th scope="col">
                <span className="visually-hidden">check</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {quantities.map((q) => (
              <Row key={q.key} q={q} blank={blanks.includes(q.phase)} entry={entries[q.key]} onCheck={check} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Row({ q, blank, entry, onCheck }: { q: Quantity; blank: boolean; entry: Entry | undefined; onCheck: (q: Quantity, text: string) => void }) {
  const [text, setText] = useState(entry?.text ?? '');
  const state = entry ? (entry.right ? 'is-right' : 'is-wrong') : undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onCheck(q, text);
    }
  };
  return (
    <tr className={state} data-quantity-key={q.key} data-phase={q.phase}>
      <th scope="row">
        <QuantityName q={q} />
      </th>
      {blank ? (
        <td>
          <input type="text" inputMode="decimal" autoComplete="off" spellCheck={false} aria-label={q.label} aria-invalid={entry ? !entry.right : undefined} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} onBlur={() => onCheck(q, text)} />
        </td>
      ) : (
        <td data-value={String(q.value)} title={String(q.value)}>
          {readable(q.value)}
        </td>
      )}
      <td className="work-why">{entry ? (entry.right ? '✓ right' : `✗ ${entry.why ?? ''}`) : ''}</td>
    </tr>
  );
}
