import { useMemo } from 'react';
import { useDocument, useLive, useStepper } from '../studio/hooks';
import { epochVisits } from './order';
import { placeOf, type StepPlace } from './session';
import { epochFor } from './store';

/**
 * the example in hand's place in training's epoch, for Start (null: no example in hand): the
 * visiting order and the role only, no pass — the whole session cost 250 ms per change on a
 * 10,000-edge graph, and training changes the document many times a second
 */
export function useStepPlace(): StepPlace | null {
  const doc = useDocument((s) => s.doc);
  const index = useLive((s) => s.exampleIndex);
  const epoch = useStepper((s) => s.epoch);
  const epochBasis = useStepper((s) => s.epochBasis);
  const { examples } = doc.dataset;
  const { training } = doc;
  const visits = useMemo(() => epochVisits(examples, training), [examples, training]);
  return index === null ? null : placeOf(doc, index, epochFor({ epoch, epochBasis }, doc), visits);
}
