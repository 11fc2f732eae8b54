import { useEffect } from 'react';
import { revealAt } from './machine';
import type { StepSession } from './session';
import { useStudio } from '../studio/StudioContext';

/** while mounted, the canvas shows what the step-through has revealed; afterwards, everything */
export function useRevealSync(session: StepSession | null, step: number): void {
  const studio = useStudio();
  useEffect(() => {
    studio.live.setState({ reveal: session ? revealAt(session.plan, step, session.updates ?? undefined) : null });
  }, [studio, session, step]);
  useEffect(() => () => studio.live.setState({ reveal: null }), [studio]);
}
