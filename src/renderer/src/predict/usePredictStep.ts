import { useMemo } from 'react';
import type { Quantity } from '../../../engine/predict';
import { usePredict } from './hooks';
import { pendingOf, quantitiesAtStep, sessionQuantities } from './sessionQuantities';
import { predictContext, revealedIn } from './store';
import type { StepSession } from '../stepper/session';
import { useDocument } from '../studio/hooks';
import { useNetUser } from '../studio/useNetUser';

export interface PredictStep {
  on: boolean;
  /** "example@revision": whose reveals these are */
  context: string;
  /** what this step computes, in the order it is asked */
  asked: readonly Quantity[];
  /** the one to answer now (null: all of this step is shown, or not predicting) */
  pending: Quantity | null;
  /** this step's quantities not shown yet (empty when not predicting) */
  hidden: readonly Quantity[];
}

/** the step in hand as the predict switch sees it */
export function usePredictStep(session: StepSession | null, step: number): PredictStep {
  const doc = useDocument((s) => s.doc);
  const revision = useDocument((s) => s.revision);
  const on = usePredict((s) => s.on);
  const nets = useNetUser();
  const all = useMemo(() => (on && session ? sessionQuantities(nets, doc, session) : null), [on, nets, doc, session]);
  const context = predictContext(session?.exampleIndex ?? -1, revision);
  const revealed = usePredict((s) => revealedIn(s, context));
  return useMemo(() => {
    const asked = all && session ? quantitiesAtStep(session.plan, step, all) : [];
    const hidden = on ? asked.filter((q) => revealed[q.key] === undefined) : [];
    return { on, context, asked, pending: on ? pendingOf(asked, revealed) : null, hidden };
  }, [all, session, step, on, context, revealed]);
}
