import type { PredictStore } from '../predict/store';
import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import { addToSum, afterUpdate } from './batch';
import { clampStep, isLastStep, lastStep } from './machine';
import { epochVisits } from './order';
import { buildSession, trainingNextOf, type StepSession } from './session';
import { basisOf, epochFor, stepFor, type Boundary, type StepperStore } from './store';
import type { NetCache } from '../studio/netCache';
import type { Notices } from '../store/notices';
import { describeRefusedStep, type RefusedStep } from '../training/divergenceMessage';

// The step-through's operations, shared by the panel's buttons and its keyboard shortcuts.
// Within an example a step is just a number (see machine.ts); finishing an example applies the
// engine's update to the document as one undoable edit and moves to training's next example.

const MAX_BOUNDARIES = 200;

interface Context {
  revision: number;
  index: number;
  session: StepSession;
  step: number;
}

export interface StepperDeps {
  document: DocumentStore;
  live: Live;
  stepper: StepperStore;
  /** the stepper's user of the page's one compile */
  nets: NetCache;
  /** called as stepping begins: training must not move the weights under a frozen step card */
  beforeStepping?: () => void;
  /** the predict switch (P) */
  predict?: Pick<PredictStore, 'getState' | 'setOn'>;
  /** where a refused update is said (an update past the weight limit) */
  notices: Pick<Notices, 'notify'>;
}

/** the refused update's place in the readout's words: the example (sequential), the mini-batch, or the epoch's batch */
function refusedStep(session: StepSession, crossing: NonNullable<StepSession['crossing']>): RefusedStep {
  const example = session.mode === 'sequential' ? session.position + 1 : null;
  const batch = session.mode === 'minibatch' && session.batch ? session.batch.index + 1 : undefined;
  return { where: { epoch: session.epoch, example, batch }, ...crossing };
}

export function createStepperActions({ document, live, stepper, nets, beforeStepping, predict, notices }: StepperDeps) {
  /** the example in hand and its session, or null when there is nothing to step */
  function context(): Context | null {
    const { doc, revision } = document.getState();
    const index = live.getState().exampleIndex;
    if (index === null) return null;
    const st = stepper.getState();
    const session = buildSession(nets, doc, index, epochFor(st, doc));
    if (!session) return null;
    return { revision, index, session, step: clampStep(session.plan, stepFor(st, index)) };
  }

  const goTo = (exampleIndex: number, step: number) => stepper.setState({ stepExample: exampleIndex, step });

  function activate(): void {
    beforeStepping?.();
    stepper.setState({ active: true });
  }

  function startStepping(): void {
    const ctx = context();
    if (!ctx) return;
    activate();
    goTo(ctx.index, 0);
  }

  function stopStepping(): void {
    stepper.setState({ active: false });
  }

  /** one step on; past the last step of an example, finish it and move to the next */
  function stepForward(): void {
    const ctx = context();
    if (!ctx) return;
    if (!stepper.getState().active) return startStepping();
    if (isLastStep(ctx.session.plan, ctx.step)) finishExample(ctx);
    else goTo(ctx.index, ctx.step + 1);
  }

  function runToEnd(): void {
    const ctx = context();
    if (!ctx) return;
    activate();
    goTo(ctx.index, lastStep(ctx.session.plan));
  }

  /** the crossing Back would return across, when the document is still as that crossing left it */
  function backBoundary(ctx: Context): Boundary | null {
    const b = stepper.getState().boundaries.at(-1);
    return b && b.nextIndex === ctx.index && b.revision === ctx.revision ? b : null;
  }

  function canStepBack(): boolean {
    const ctx = context();
    return ctx !== null && (ctx.step > 0 || backBoundary(ctx) !== null);
  }

  /** one step back; from an example's first step, back across the previous example's end (undoing its update) */
  function stepBack(): void {
    const ctx = context();
    if (!ctx || !stepper.getState().active) return;
    if (ctx.step > 0) return goTo(ctx.index, ctx.step - 1);
    const b = backBoundary(ctx);
    if (!b) return;
    stepper.setState({ epoch: b.epoch, epochBasis: basisOf(document.getState().doc) }); // before the undo: training reloads from this place
    if (b.applied) document.undo();
    const { doc } = document.getState();
    stepper.setState((s) => ({
      epoch: b.epoch,
      epochBasis: basisOf(doc),
      boundaries: s.boundaries.slice(0, -1),
      stepExample: b.exampleIndex,
      step: Number.MAX_SAFE_INTEGER, // the last step, whatever the example's length
    }));
    live.setState({ exampleIndex: b.exampleIndex });
  }

  /**
   * the end of an example: training's next adds its gradient to the batch's sum, or (the batch's
   * last) applies the update — at the epoch's end with training.epoch + 1, in one undoable edit —
   * and the step-through moves to training's next example; an example not trained on changes
   * nothing and hands over to training's next
   */
  function finishExample(ctx: Context): void {
    const { session, index, revision } = ctx;
    if (session.crossing) return refuseUpdate(session, session.crossing);
    const before = epochFor(stepper.getState(), document.getState().doc);
    const { updates, visits } = session;
    const endsEpoch = updates !== null && before.done + 1 >= visits.order.length;
    const grads = Object.fromEntries(Object.values(session.values.edges).map((e) => [e.id, e.grad]));
    const epoch = session.role !== 'next' ? before : updates ? afterUpdate(before, visits) : addToSum(before, grads);
    // the new place first: training reloads as the weights change, and goes on from it
    stepper.setState({ epoch, epochBasis: basisOf(document.getState().doc) });
    if (updates) {
      const next: Record<string, number> = {};
      for (const id in updates) next[id] = updates[id].next;
      if (endsEpoch) document.setTraining({ epoch: session.epoch + 1 }, { history: false });
      document.setWeights(next, { history: true }, session.velocities ?? undefined);
    }
    const after = document.getState();
    const applied = after.revision !== revision;
    const nextVisits = endsEpoch ? epochVisits(after.doc.dataset.examples, after.doc.training) : visits;
    const nextIndex = nextVisits.order[epoch.done] ?? index;
    const boundary: Boundary = { exampleIndex: index, nextIndex, epoch: before, revision: after.revision, applied };
    stepper.setState((s) => ({
      epoch,
      epochBasis: basisOf(after.doc),
      boundaries: [...s.boundaries, boundary].slice(-MAX_BOUNDARIES),
    }));
    goTo(nextIndex, 0);
    live.setState({ exampleIndex: nextIndex });
  }

  /** an update past the weight limit is not made, as training does not make it: stepping stops and says so */
  function refuseUpdate(session: StepSession, crossing: NonNullable<StepSession['crossing']>): void {
    stopStepping();
    notices.notify(describeRefusedStep(refusedStep(session, crossing), document.getState().doc), 'error');
  }

  /** start stepping at the example training visits next (the one in hand may be aside or a test example) */
  function startAtTrainingNext(): void {
    const ctx = context();
    if (!ctx) return;
    const next = trainingNextOf(ctx.session);
    if (next !== undefined && next !== ctx.index) live.setState({ exampleIndex: next });
    startStepping();
  }

  function goToTrainingNext(): void {
    const ctx = context();
    if (!ctx) return;
    const next = trainingNextOf(ctx.session);
    if (next === undefined || next === ctx.index) return;
    goTo(next, 0);
    live.setState({ exampleIndex: next });
  }

  /** choose the example in hand by offset (−1 previous, +1 next), wrapping around */
  function chooseRelativeExample(offset: number): void {
    const count = document.getState().doc.dataset.examples.length;
    if (count === 0) return;
    const current = live.getState().exampleIndex ?? 0;
    live.setState({ exampleIndex: (((current + offset) % count) + count) % count });
  }

  /** predict, then reveal: on and off */
  function togglePredict(): void {
    if (predict) predict.setOn(!predict.getState().on);
  }

  return { startStepping, startAtTrainingNext, stopStepping, stepForward, runToEnd, canStepBack, stepBack, goToTrainingNext, chooseRelativeExample, togglePredict };
}

export type StepperActions = ReturnType<typeof createStepperActions>;
