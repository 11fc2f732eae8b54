import { useEffect } from 'react';
import { useLive } from '../store/live';
import { revealAt } from './machine';
import type { StepSession } from './session';

/** while mounted, the canvas shows what the step-through has revealed; afterwards, everything */
export function useRevealSync(session: StepSession | null, step: number): void {
  useEffect(() => {
    useLive.setState({ reveal: session ? revealAt(session.plan, step, session.updates ?? undefined) : null });
  }, [session, step]);
  useEffect(() => () => useLive.setState({ reveal: null }), []);
}
