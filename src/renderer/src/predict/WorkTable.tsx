import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { checkAnswer, diagnose, exampleQuantities, parseAnswer, TOLERANCE_SENTENCE, type PredictPhase, type Quantity } from '../../../engine/predict';
import { exact, readable } from '../format/number';
import { Panel } from '../panels/Panel';
import { QuantityName } from './QuantityName';
import { diagnosisSentence } from './store';
import { updateRule } from '../stepper/StepDetail';
import { trainingOptions } from '../../../engine';
import { everythingShown } from './sheetReveal';
import { useValueMask, type ValueMask } from '../stepper/useRevealSync';
import { useDocument, useLive, useStepper, useView } from '../studio/hooks';

// "Work it by hand": one example's quantities as a table, those of the chosen phases blank.
// Each blank is checked as it is filled in (Enter, or leaving the field) by the same checker and
// diagnosis as Predict; the count says how many are right. The update is one sequential step
// from this example (the engine's trainExample), with the document's regulariser and momentum:
// the table says the rule it follows.

export const BLANK_CHOICES = ['forward', 'backward', 'update', 'all'] as const;
export type BlankChoice = (typeof BLANK_CHOICES)[number];

const BLANK_PHASES: Record<BlankChoice, readonly PredictPhase[]> = {
  forward: ['forward', 'error'],
  backward: ['backward'],
  update: ['update'],
  all: ['forward', 'error', 'backward', 'update'],
};
const BLANK_NAMES: Record<BlankChoice, string> = { forward: 'Forward and error', backward: 'Backward', update: 'Update', all: 'All' };

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

type Verdict = 'right' | 'wrong' | 'revealed';
type Entry = { text: string; verdict: Verdict; why: string | null };

/** a blank is done once answered right or revealed: until then the canvas and the inspector hide it */
const isDone = (e: Entry | undefined): boolean => e !== undefined && e.verdict !== 'wrong';

/** the sentence a screen reader hears for one checked or revealed row */
function verdictSentence(q: Quantity, e: Entry): string {
  if (e.verdict === 'right') return `Right: ${q.label} = ${readable(q.value)}.`;
  if (e.verdict === 'revealed') return `Revealed: ${q.label} = ${readable(q.value)}.`;
  return `Not right: ${q.label}. ${e.why ?? ''}`;
}

function checkEntry(q: Quantity, text: string): Entry {
  const parsed = parseAnswer(text);
  if (!parsed.ok) return { text, verdict: 'wrong', why: parsed.message };
  if (checkAnswer(q, parsed.value).right) return { text, verdict: 'right', why: null };
  return { text, verdict: 'wrong', why: diagnosisSentence(diagnose(q, parsed.value)) };
}

/**
 * while the sheet is worked — its tab shown, or an answer already given — and not stepping (the
 * step-through then owns the canvas), its open blanks are hidden on the canvas and in the
 * formula inspector, by the step-through's own mechanism
 */
function useSheetMask(blank: readonly Quantity[], entries: Readonly<Record<string, Entry>>): void {
  const doc = useDocument((s) => s.doc);
  const tabShown = useView((s) => s.details.open && s.details.tab === 'worksheet');
  const stepping = useStepper((s) => s.active);
  const started = Object.keys(entries).length > 0;
  const hidden = useMemo(() => blank.filter((q) => !isDone(entries[q.key])), [blank, entries]);
  const working = (tabShown || started) && !stepping && hidden.length > 0;
  const mask = useMemo((): ValueMask | null => (working ? { reveal: everythingShown(doc), hidden, inspector: true } : null), [working, doc, hidden]);
  useValueMask(mask);
}

/** the update's rule as the document trains: the regulariser's term (not on bias edges) and momentum when on */
function UpdateRule() {
  const training = useDocument((s) => s.doc.training);
  const o = trainingOptions(training);
  return (
    <p className="predict-hint work-update-rule" data-testid="work-update-rule">
      New w: {updateRule('∂Eᵢ/∂w', o)}, η = <span title={exact(o.learningRate)}>{readable(o.learningRate)}</span>
      {o.momentum > 0 ? ', v the velocity each weight has stored' : ''}; one step from this example alone (a batch of one
      {o.mode === 'sequential' ? ', as sequential training takes it' : `; ${o.mode} training sums ∂Eᵢ/∂w over its batch first`}).
    </p>
  );
}

function Sheet({ quantities, blanks, exampleIndex }: { quantities: Quantity[]; blanks: readonly PredictPhase[]; exampleIndex: number }) {
  const [entries, setEntries] = useState<Readonly<Record<string, Entry>>>({});
  const [said, setSaid] = useState('');
  const blank = useMemo(() => quantities.filter((q) => blanks.includes(q.phase)), [quantities, blanks]);
  useSheetMask(blank, entries);
  const right = blank.filter((q) => entries[q.key]?.verdict === 'right').length;
  const revealed = blank.filter((q) => entries[q.key]?.verdict === 'revealed').length;
  const countOf = (n: number) => `${n} of ${blank.length} right`;
  const put = (q: Quantity, entry: Entry) => {
    const next = { ...entries, [q.key]: entry };
    setEntries(next);
    setSaid(`${verdictSentence(q, entry)} ${countOf(blank.filter((b) => next[b.key]?.verdict === 'right').length)}.`);
  };
  const check = (q: Quantity, text: string) => {
    if (isDone(entries[q.key])) return;
    if (text.trim() === '') return setEntries(({ [q.key]: _cleared, ...rest }) => rest);
    put(q, checkEntry(q, text));
  };
  const reveal = (q: Quantity) => put(q, { text: entries[q.key]?.text ?? '', verdict: 'revealed', why: null });
  const open = blank.filter((q) => !isDone(entries[q.key]));
  const revealAll = () => {
    const next = { ...entries };
    for (const q of open) next[q.key] = { text: entries[q.key]?.text ?? '', verdict: 'revealed', why: null };
    setEntries(next);
    setSaid(`Revealed all ${open.length} open blanks. ${countOf(right)}.`);
  };
  const done = blank.length > 0 && right === blank.length;
  return (
    <>
      <div className="work-head">
        <p className="work-count">
          {done ? `All ${blank.length} right: example ${exampleIndex + 1} worked by hand.` : countOf(right)}
          {revealed > 0 && ` · ${revealed} revealed`}
        </p>
        <button type="button" className="work-reveal-all" onClick={revealAll} disabled={open.length === 0}>
          Reveal all
        </button>
      </div>
      {/* the one place a verdict is read aloud */}
      <p className="visually-hidden" role="status" aria-atomic="true">
        {said}
      </p>
      <p className="predict-hint">{TOLERANCE_SENTENCE} Enter or leaving a field checks it. Until a blank is right or revealed, the canvas and the formulas hide it.</p>
      <UpdateRule />
      <div className="work-table-wrap">
        <table className="stepper-table work-table">
          <caption>Example {exampleIndex + 1}: every quantity of its pass and update</caption>
          <thead>
            <tr>
              <th scope="col">quantity</th>
              <th scope="col">value</th>
              <th scope="col">check</th>
            </tr>
          </thead>
          <tbody>
            {quantities.map((q) => (
              <Row key={q.key} q={q} blank={blanks.includes(q.phase)} entry={entries[q.key]} onCheck={check} onReveal={reveal} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const ROW_CLASS: Record<Verdict, string> = { right: 'is-right', wrong: 'is-wrong', revealed: 'is-revealed' };

function Row(props: { q: Quantity; blank: boolean; entry: Entry | undefined; onCheck: (q: Quantity, text: string) => void; onReveal: (q: Quantity) => void }) {
  const { q, blank, entry, onCheck, onReveal } = props;
  const [text, setText] = useState(entry?.text ?? '');
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onCheck(q, text);
    }
  };
  const field = blank && entry?.verdict !== 'revealed';
  return (
    <tr className={entry ? ROW_CLASS[entry.verdict] : undefined} data-quantity-key={q.key} data-phase={q.phase}>
      <th scope="row">
        <QuantityName q={q} />
      </th>
      {field ? (
        <td>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-label={`Your value of ${q.label}`}
            aria-invalid={entry ? entry.verdict === 'wrong' : undefined}
            readOnly={entry?.verdict === 'right'}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => onCheck(q, text)}
          />
        </td>
      ) : (
        <td data-value={String(q.value)} title={String(q.value)}>
          {readable(q.value)}
        </td>
      )}
      <td className="work-why">
        {entry && <span>{entry.verdict === 'right' ? '✓ right' : entry.verdict === 'revealed' ? 'revealed' : `✗ ${entry.why ?? ''}`}</span>}
        {field && entry?.verdict !== 'right' && (
          <button type="button" className="work-reveal" aria-label={`Reveal ${q.label}`} onClick={() => onReveal(q)}>
            Reveal
          </button>
        )}
      </td>
    </tr>
  );
}
