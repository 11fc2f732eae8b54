import { useMemo } from 'react';
import { useNetUser } from '../studio/useNetUser';
import { clampStep } from './machine';
import { buildSession, type StepSession } from './session';
import { epochFor, stepFor } from './store';
import { useDocument, useLive, useStepper } from '../studio/hooks';

/** the session of the example in hand (null when there is nothing to step) and the current step */
export function useStepSession(): { session: StepSession | null; step: number } {
  const doc = useDocument((s) => s.doc);
  const index = useLive((s) => s.exampleIndex);
  const epoch = useStepper((s) => s.epoch);
  const epochBasis = useStepper((s) => s.epochBasis);
  const rawStep = useStepper((s) => stepFor(s, index));
  const nets = useNetUser();
  const session = useMemo(() => {
    if (index === null) return null;
    return buildSession(nets, doc, index, epochFor({ epoch, epochBasis }, doc));
  }, [nets, doc, index, epoch, epochBasis]);
  return { session, step: session ? clampStep(session.plan, rawStep) : 0 };
}
