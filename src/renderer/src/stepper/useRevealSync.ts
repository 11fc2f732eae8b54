import { useEffect } from 'react';
import type { Quantity } from '../../../engine/predict';
import { revealAt } from './machine';
import type { StepSession } from './session';
import { labelledNeuron } from './edgeLabels';
import { hideUnrevealed } from '../predict/hideReveal';
import { useStudio } from '../studio/StudioContext';
import { useSelection } from '../studio/hooks';

const NOTHING: readonly Quantity[] = [];

/**
 * while mounted, the canvas shows what the step-through has revealed — less, while predicting,
 * the step's quantities the learner has not answered yet (`hidden`, which the inspector hides
 * too) —; afterwards, everything
 */
export function useRevealSync(session: StepSession | null, step: number, hidden: readonly Quantity[] = NOTHING): void {
  const studio = useStudio();
  const selected = useSelection((s) => s.nodeIds);
  useEffect(() => {
    studio.predict.setHidden(hidden.map((q) => q.key));
    if (!session) return studio.live.setState({ reveal: null });
    const reveal = hideUnrevealed(revealAt(session.plan, step, session.updates ?? undefined), hidden);
    const labelsFor = labelledNeuron(selected, session.plan.neurons, session.values.outputs[0]?.nodeId ?? null);
    studio.live.setState({ reveal: { ...reveal, labelsFor } });
  }, [studio, session, step, selected, hidden]);
  useEffect(
    () => () => {
      studio.live.setState({ reveal: null });
      studio.predict.setHidden([]);
    },
    [studio],
  );
}
