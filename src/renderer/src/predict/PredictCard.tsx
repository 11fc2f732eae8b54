import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { choicesFor, parseAnswer, TOLERANCE_SENTENCE, type Quantity, type Sign } from '../../../engine/predict';
import { FormulaView } from '../formula/Tex';
import type { NetValues } from '../formula/values';
import { readable } from '../format/number';
import { usePredict } from './hooks';
import { quantityBlock } from './quantityBlock';
import { QuantityName } from './QuantityName';
import { diagnosisSentence, type PredictLevel } from './store';
import { useStudio } from '../studio/StudioContext';

// The one quantity to answer now: typed (Enter checks), its sign (−, 0, +) or one of three
// values (1, 2, 3). A wrong answer shows the formula with the learner's number beside the right
// one and names the first slip that gives it; R retries, V reveals.

const SIGN_NAMES: Record<Sign, string> = { [-1]: 'negative', 0: 'zero', 1: 'positive' };

export const PredictCard = memo(function PredictCard({ q, values, context }: { q: Quantity; values: NetValues; context: string }) {
  const studio = useStudio();
  const wrong = usePredict((s) => (s.wrong?.key === q.key ? s.wrong : null));
  const level = usePredict((s) => s.level);
  const reveal = () => studio.predict.reveal(context, q);
  return (
    <div className="predict-card" data-quantity-key={q.key} aria-label={`Predict ${q.label}`} role="group">
      <p className="predict-ask">
        What is{' '}
        <strong className="predict-label">
          <QuantityName q={q} />
        </strong>
        ?
      </p>
      {wrong ? (
        <WrongAnswer q={q} values={values} answer={wrong.shown} sentence={diagnosisSentence(wrong.diagnosis)} onReveal={reveal} />
      ) : (
        <Answer q={q} level={level} context={context} onReveal={reveal} />
      )}
    </div>
  );
});

function Answer({ q, level, context, onReveal }: { q: Quantity; level: PredictLevel; context: string; onReveal: () => void }) {
  const studio = useStudio();
  const submit = (answer: number) => void studio.predict.submit(context, q, answer);
  if (level === 'sign') return <SignAnswer q={q} onAnswer={(sign) => void studio.predict.submitSign(context, q, sign)} onReveal={onReveal} />;
  if (level === 'choice') return <ChoiceAnswer q={q} onAnswer={submit} onReveal={onReveal} />;
  return <NumberAnswer q={q} onAnswer={submit} onReveal={onReveal} />;
}

function NumberAnswer({ q, onAnswer, onReveal }: { q: Quantity; onAnswer: (v: number) => void; onReveal: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [q.key]);
  const check = () => {
    const parsed = parseAnswer(text);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    onAnswer(parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    check();
  };
  const hintId = `predict-hint-${q.key}`;
  return (
    <>
      <div className="predict-row">
        <input
          ref={input}
          className="predict-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-label={`Your value of ${q.label}`}
          aria-describedby={hintId}
          aria-invalid={problem !== null}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="primary" onClick={check} aria-keyshortcuts="Enter" aria-label={`Check ${q.label}`}>
          Check
        </button>
        <button type="button" onClick={onReveal} aria-label={`Reveal ${q.label}`}>
          Reveal
        </button>
      </div>
      {problem && <p className="predict-problem">{problem}</p>}
      <p className="predict-hint" id={hintId}>
        Enter checks. {TOLERANCE_SENTENCE}
      </p>
    </>
  );
}

/** a row of buttons answered by click or by their keys; the first is focused */
function KeyedButtons({ q, options, onPick, onReveal, label }: { q: Quantity; options: { key: string; text: string; value: number }[]; onPick: (v: number) => void; onReveal: () => void; label: string }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [q.key]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const picked = options.find((o) => o.key === e.key || (o.key === '+' && e.key === '='));
    if (!picked) return;
    e.preventDefault();
    onPick(picked.value);
  };
  return (
    <>
      <div className="predict-row" role="group" aria-label={label} onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button key={o.key} ref={i === 0 ? first : undefined} type="button" className="predict-option" aria-keyshortcuts={o.key} aria-label={o.text} onClick={() => onPick(o.value)}>
            <kbd>{o.key}</kbd> {o.text}
          </button>
        ))}
        <button type="button" onClick={onReveal} aria-label={`Reveal ${q.label}`}>
          Reveal
        </button>
      </div>
      <p className="predict-hint">Press {options.map((o) => o.key).join(', ')} or click.</p>
    </>
  );
}

function SignAnswer({ q, onAnswer, onReveal }: { q: Quantity; onAnswer: (sign: Sign) => void; onReveal: () => void }) {
  const pick = (v: number) => onAnswer(v < 0 ? -1 : v > 0 ? 1 : 0);
  const options = ([-1, 0, 1] as const).map((s) => ({ key: s === -1 ? '-' : s === 0 ? '0' : '+', text: SIGN_NAMES[s], value: s }));
  return <KeyedButtons q={q} options={options} onPick={pick} onReveal={onReveal} label={`The sign of ${q.label}`} />;
}

function ChoiceAnswer({ q, onAnswer, onReveal }: { q: Quantity; onAnswer: (v: number) => void; onReveal: () => void }) {
  const options = choicesFor(q).map((v, i) => ({ key: String(i + 1), text: readable(v), value: v }));
  return <KeyedButtons q={q} options={options} onPick={onAnswer} onReveal={onReveal} label={`Which value is ${q.label}`} />;
}

function WrongAnswer({ q, values, answer, sentence, onReveal }: { q: Quantity; values: NetValues; answer: string; sentence: string; onReveal: () => void }) {
  const studio = useStudio();
  const retryButton = useRef<HTMLButtonElement>(null);
  useEffect(() => retryButton.current?.focus(), []);
  const block = quantityBlock(values, q);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      studio.predict.retry();
    } else if (e.key === 'v' || e.key === 'V') {
      e.preventDefault();
      onReveal();
    }
  };
  return (
    <div className="predict-wrong" onKeyDown={onKeyDown}>
      <div className="predict-verdict">
        <p className="predict-compare">
          <span>
            Your answer <strong className="predict-yours">{answer}</strong>
          </span>
          <span>
            right <strong data-value={String(q.value)}>{readable(q.value)}</strong>
          </span>
        </p>
        <p className="predict-diagnosis">{sentence}</p>
        <div className="predict-row">
          <button ref={retryButton} type="button" className="primary" onClick={studio.predict.retry} aria-keyshortcuts="R" aria-label={`Retry ${q.label}`}>
            <kbd>R</kbd> Retry
          </button>
          <button type="button" onClick={onReveal} aria-keyshortcuts="V" aria-label={`Reveal ${q.label}`}>
            <kbd>V</kbd> Reveal
          </button>
        </div>
      </div>
      <div className="predict-formula">
        <FormulaView block={block} />
      </div>
    </div>
  );
}
