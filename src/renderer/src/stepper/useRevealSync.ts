import { useEffect } from 'react';
import { revealAt } from './machine';
import type { StepSession } from './session';
import { labelledNeuron } from './edgeLabels';
import { useStudio } from '../studio/StudioContext';
import { useSelection } from '../studio/hooks';

/** while mounted, the canvas shows what the step-through has revealed; afterwards, everything */
export function useRevealSync(session: StepSession | null, step: number): void {
  const studio = useStudio();
  const selected = useSelection((s) => s.nodeIds);
  useEffect(() => {
    if (!session) return studio.live.setState({ reveal: null });
    const reveal = revealAt(session.plan, step, session.updates ?? undefined);
    const labelsFor = labelledNeuron(selected, session.plan.neurons, session.values.outputs[0]?.nodeId ?? null);
    studio.live.setState({ reveal: { ...reveal, labelsFor } });
  }, [studio, session, step, selected]);
  useEffect(() => () => studio.live.setState({ reveal: null }), [studio]);
}
