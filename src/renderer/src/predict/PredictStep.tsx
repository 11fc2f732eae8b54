import { memo, useEffect, useMemo, useRef } from 'react';
import type { Quantity } from '../../../engine/predict';
import { FormulaView } from '../formula/Tex';
import { PredictCard } from './PredictCard';
import { quantityBlock } from './quantityBlock';
import type { PredictStep as Step } from './usePredictStep';
import { stepAt, stepCount } from '../stepper/machine';
import type { StepSession } from '../stepper/session';

// A step of the step-through while predicting: the step's quantities already answered (or
// revealed) as their formulas, then the one to answer now; the rest stay hidden. Once the step
// is all shown, focus goes to Next step, so Enter (or N) moves on.

const HEADINGS: Record<string, (s: StepSession, id: string | null) => string> = {
  forward: (s, id) => `Forward: neuron ${id === null ? '' : s.values.nodes[id].label}`,
  error: () => 'Error',
  backward: (s, id) => `Backward: neuron ${id === null ? '' : s.values.nodes[id].label}`,
  update: () => 'Update',
};

function Shown({ session, q }: { session: StepSession; q: Quantity }) {
  const block = useMemo(() => quantityBlock(session.values, q), [session.values, q]);
  return <FormulaView block={block} />;
}

export const PredictStep = memo(function PredictStep({ session, step, predict }: { session: StepSession; step: number; predict: Step }) {
  const info = stepAt(session.plan, step);
  const { asked, pending } = predict;
  const shown = pending ? asked.slice(0, asked.indexOf(pending)) : asked;
  const root = useRef<HTMLDivElement>(null);
  const hadPending = useRef(pending !== null);
  useEffect(() => {
    // the last answer of the step just went in: hand the keyboard to Next step
    if (hadPending.current && pending === null) root.current?.closest('.stepper')?.querySelector<HTMLElement>('.stepper-controls button.primary')?.focus();
    hadPending.current = pending !== null;
  }, [pending]);
  return (
    <div ref={root} className="stepper-detail formula-panel predict-step" data-phase={info.phase}>
      <p className="stepper-count">
        Step {step + 1} of {stepCount(session.plan)} · predicting {Math.min(shown.length + 1, asked.length)} of {asked.length}
      </p>
      <h3>{HEADINGS[info.phase]?.(session, info.current) ?? info.phase}</h3>
      {shown.map((q) => (
        <div key={q.key} className="predict-shown" data-quantity-key={q.key}>
          <Shown session={session} q={q} />
        </div>
      ))}
      {pending ? <PredictCard key={pending.key} q={pending} values={session.values} context={predict.context} /> : <p className="stepper-hint">All of this step is shown. Next step: N or Enter.</p>}
    </div>
  );
});
