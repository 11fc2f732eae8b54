import { createStore } from 'zustand/vanilla';
import type { Example, GraphEdge } from '../../../engine';
import { EMPTY_EPOCH, type BatchEpoch } from './batch';

// Where the step-through stands. The example in hand itself lives in useLive.exampleIndex (the
// plot and the panel both choose it); `step` belongs to `stepExample`, and any other example in
// hand starts at step 0, so choosing a point needs no extra bookkeeping here.

/** crossing from one example to the next, remembered so Back can return across it */
export interface Boundary {
  /** the example that was finished */
  exampleIndex: number;
  /** the example that came next */
  nextIndex: number;
  /** the batch epoch before the finished example was added */
  epoch: BatchEpoch;
  /** the document's revision right after the crossing (after the update, when one was applied) */
  revision: number;
  /** true when the crossing applied a weight update (Back undoes it) */
  applied: boolean;
}

/** what the batch sum belongs to: it is void once the weights or the examples change */
export interface EpochBasis {
  edges: readonly GraphEdge[];
  examples: readonly Example[];
}

export interface StepperState {
  active: boolean;
  stepExample: number | null;
  step: number;
  epoch: BatchEpoch;
  epochBasis: EpochBasis | null;
  boundaries: readonly Boundary[];
}

export const INITIAL_STEPPER: StepperState = {
  active: false,
  stepExample: null,
  step: 0,
  epoch: EMPTY_EPOCH,
  epochBasis: null,
  boundaries: [],
};

export function createStepperStore() {
  return createStore<StepperState>(() => INITIAL_STEPPER);
}

export type StepperStore = ReturnType<typeof createStepperStore>;

/** the step for the example in hand */
export const stepFor = (s: Pick<StepperState, 'stepExample' | 'step'>, exampleIndex: number | null): number =>
  exampleIndex !== null && s.stepExample === exampleIndex ? s.step : 0;

/** the batch epoch, or an empty one when the weights or examples changed since it began */
export function epochFor(s: Pick<StepperState, 'epoch' | 'epochBasis'>, basis: EpochBasis): BatchEpoch {
  const b = s.epochBasis;
  return b && b.edges === basis.edges && b.examples === basis.examples ? s.epoch : EMPTY_EPOCH;
}
