import { createStore } from 'zustand/vanilla';
import type { Example, GraphDoc, GraphEdge } from '../../../engine';
import { EPOCH_START, restartBatch, type EpochProgress } from './batch';
import { epochVisits, orderKey } from './order';

// Where the step-through stands. The example in hand itself lives in useLive.exampleIndex (the
// plot and the panel both choose it); `step` belongs to `stepExample`, and any other example in
// hand starts at step 0, so choosing a point needs no extra bookkeeping here.

/** crossing from one example to the next, remembered so Back can return across it */
export interface Boundary {
  /** the example that was finished */
  exampleIndex: number;
  /** the example that came next */
  nextIndex: number;
  /** where the epoch stood before the finished example */
  epoch: EpochProgress;
  /** the document's revision right after the crossing (after the update, when one was applied) */
  revision: number;
  /** true when the crossing applied a weight update (Back undoes it) */
  applied: boolean;
}

/** what the epoch's progress belongs to: the examples and the order's settings (else the epoch starts over), the weights (else the batch does) */
export interface EpochBasis {
  edges: readonly GraphEdge[];
  examples: readonly Example[];
  /** orderKey(training) */
  order: string;
}

export const basisOf = (doc: GraphDoc): EpochBasis => ({ edges: doc.edges, examples: doc.dataset.examples, order: orderKey(doc.training) });

export interface StepperState {
  active: boolean;
  stepExample: number | null;
  step: number;
  epoch: EpochProgress;
  epochBasis: EpochBasis | null;
  boundaries: readonly Boundary[];
}

export const INITIAL_STEPPER: StepperState = {
  active: false,
  stepExample: null,
  step: 0,
  epoch: EPOCH_START,
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

/**
 * the epoch's progress for `doc`: as stepped; the batch under way started over when the weights
 * changed since (its sum was taken at other weights); the epoch started over when the examples
 * or the order's settings changed
 */
export function epochFor(s: Pick<StepperState, 'epoch' | 'epochBasis'>, doc: GraphDoc): EpochProgress {
  const b = s.epochBasis;
  if (!b || b.examples !== doc.dataset.examples || b.order !== orderKey(doc.training)) return EPOCH_START;
  return b.edges === doc.edges ? s.epoch : restartBatch(s.epoch, epochVisits(doc.dataset.examples, doc.training));
}
