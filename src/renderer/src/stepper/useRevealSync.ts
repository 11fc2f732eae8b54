import { useEffect, useMemo } from 'react';
import type { Quantity } from '../../../engine/predict';
import { revealAt } from './machine';
import type { StepSession } from './session';
import { labelledNeuron } from './edgeLabels';
import { hideUnrevealed } from '../predict/hideReveal';
import type { Reveal } from '../store/live';
import { useStudio } from '../studio/StudioContext';
import { useSelection } from '../studio/hooks';

const NOTHING: readonly Quantity[] = [];

/** what a view asks the canvas to show: `reveal` less the quantities still blank; `inspector`: the formula inspector hides them too */
export interface ValueMask {
  reveal: Reveal;
  hidden: readonly Quantity[];
  inspector: boolean;
}

/**
 * The one way a view hides values: while `mask` is given, the canvas shows its reveal less its
 * blanks, and (with `inspector`) the formula inspector hides the same (predict/useInspectorMask);
 * null, or unmounted, everything shows again. The step-through and the on-screen worksheet
 * both go through it.
 */
export function useValueMask(mask: ValueMask | null): void {
  const studio = useStudio();
  useEffect(() => {
    if (!mask) return;
    studio.live.setState({ reveal: hideUnrevealed(mask.reveal, mask.hidden) });
    studio.predict.setMask(
      mask.hidden.map((q) => q.key),
      mask.inspector,
    );
    return () => {
      studio.live.setState({ reveal: null });
      studio.predict.setMask([], false);
    };
  }, [studio, mask]);
}

/**
 * while mounted, the canvas shows what the step-through has revealed — less, while predicting,
 * the step's quantities the learner has not answered yet (`hidden`, which the inspector hides
 * too) —; afterwards, everything
 */
export function useRevealSync(session: StepSession | null, step: number, hidden: readonly Quantity[] = NOTHING, predicting = false): void {
  const selected = useSelection((s) => s.nodeIds);
  const mask = useMemo((): ValueMask | null => {
    if (!session) return null;
    const labelsFor = labelledNeuron(selected, session.plan.neurons, session.values.outputs[0]?.nodeId ?? null);
    return { reveal: { ...revealAt(session.plan, step, session.updates ?? undefined), labelsFor }, hidden, inspector: predicting };
  }, [session, step, selected, hidden, predicting]);
  useValueMask(mask);
}
