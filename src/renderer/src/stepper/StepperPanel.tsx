import { memo } from 'react';
import { ExamplePicker } from './ExamplePicker';
import { PhaseTrack } from './PhaseTrack';
import { ShortcutHelp, StartButton, StepControls } from './StepControls';
import { StepDetail } from './StepDetail';
import { stepAt } from './machine';
import { useRevealSync } from './useRevealSync';
import { useStepSession } from './useStepSession';
import type { StepSession } from './session';
import './stepper.css';
import { Panel } from '../panels/Panel';
import { useLive, useStepper } from '../studio/hooks';
import { PredictStep } from '../predict/PredictStep';
import { PredictSwitch } from '../predict/PredictSwitch';
import { PredictAnnouncer, PredictTally } from '../predict/PredictTally';
import { usePredictStep } from '../predict/usePredictStep';
import { InDockWhilePresenting } from '../predict/presentDock';
import '../predict/predict.css';

// Step through one example: the forward pass neuron by neuron, the error, the backward pass in
// reverse, the gradients, and the update that really changes the document's weights.
export const StepperPanel = memo(function StepperPanel() {
  const active = useStepper((s) => s.active);
  const hasExample = useLive((s) => s.exampleIndex !== null);
  return (
    <Panel id="stepper" title="Step through one example" className="stepper">
      <div className="stepper-head">
        <ExamplePicker />
        <PredictSwitch />
      </div>
      {active ? <ActiveStepper /> : <StartButton disabled={!hasExample} />}
      <ShortcutHelp />
    </Panel>
  );
});

/** the buttons, then where the example's pass stands: one row where there is room (the card below gets the height) */
function StepBar({ session, step }: { session: StepSession; step: number }) {
  return (
    <div className="stepper-bar">
      <StepControls session={session} step={step} />
      <PhaseTrack phase={stepAt(session.plan, step).phase} finish={session.plan.finish} />
    </div>
  );
}

/** mounted only while stepping: computes the session, drives the canvas's reveal */
const ActiveStepper = memo(function ActiveStepper() {
  const { session, step } = useStepSession();
  const predict = usePredictStep(session, step);
  useRevealSync(session, step, predict.hidden, predict.on);
  if (!session) {
    return <p className="stepper-hint">This graph cannot be computed yet: it needs an output neuron and no broken rule.</p>;
  }
  const detail = predict.on && predict.asked.length > 0 ? <PredictStep session={session} step={step} predict={predict} /> : <StepDetail session={session} step={step} />;
  if (!predict.on) {
    return (
      <>
        <StepBar session={session} step={step} />
        {detail}
        <PredictAnnouncer />
      </>
    );
  }
  // predicting: in presentation mode all of it moves to the dock on the canvas (one card, one live region)
  return (
    <InDockWhilePresenting>
      <StepBar session={session} step={step} />
      {detail}
      <PredictTally />
      <PredictAnnouncer />
    </InDockWhilePresenting>
  );
});
