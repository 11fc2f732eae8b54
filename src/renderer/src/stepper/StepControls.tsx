import { memo } from 'react';
import { isLastStep } from './machine';
import { trainingNextOf, type StepSession } from './session';
import { useDocument, useLive } from '../studio/hooks';
import { useStepPlace } from './useStepPlace';
import { useStudio } from '../studio/StudioContext';

/** Back, Next step (or Apply update / Next example at the end), Run to end, Stop */
export const StepControls = memo(function StepControls({ session, step }: { session: StepSession; step: number }) {
  const studio = useStudio();
  // re-evaluate Back whenever the document or the example changes
  useDocument((s) => s.revision);
  useLive((s) => s.exampleIndex);
  const last = isLastStep(session.plan, step);
  const trained = session.role === 'next';
  const nextLabel = !last
    ? 'Next step'
    : !trained
      ? 'Go to training’s next example'
      : session.crossing
        ? 'Stop: this update is past the weight limit'
        : session.updates
          ? 'Apply update and go to the next example'
        : 'Add to the sum and go to the next example';
  const next = trainingNextOf(session);
  return (
    <div className="stepper-controls">
      <button type="button" onClick={studio.steps.stepBack} disabled={!studio.steps.canStepBack()} aria-keyshortcuts="B ArrowLeft">
        Back
      </button>
      <button type="button" className="primary" onClick={studio.steps.stepForward} aria-keyshortcuts="N ArrowRight">
        {nextLabel}
      </button>
      <button type="button" onClick={studio.steps.runToEnd} disabled={last} aria-keyshortcuts="End">
        Run to end of example
      </button>
      {!trained && !last && next !== undefined && (
        <button type="button" onClick={studio.steps.goToTrainingNext}>
          Go to example {next + 1} (training’s next)
        </button>
      )}
      <button type="button" onClick={studio.steps.stopStepping}>
        Stop stepping
      </button>
    </div>
  );
});

/**
 * Step through the example in hand; when it is not the one training visits next (paused
 * mid-epoch, shuffled, or a test example), training's next is offered first, since only it gets
 * an update
 */
export const StartButton = memo(function StartButton({ disabled }: { disabled: boolean }) {
  const studio = useStudio();
  const place = useStepPlace();
  const next = place && place.role !== 'next' ? trainingNextOf(place) : undefined;
  if (next === undefined) {
    return (
      <div className="stepper-controls">
        <button type="button" className="primary" onClick={studio.steps.startStepping} disabled={disabled} aria-keyshortcuts="N">
          Step through this example
        </button>
      </div>
    );
  }
  return (
    <>
      <p className="stepper-aside-hint">
        Training visits example {next + 1} next{place?.role === 'test' ? '; this one is a test example, never trained on' : ''}: stepping through it
        makes its update. This example can be stepped through too, without an update.
      </p>
      <div className="stepper-controls">
        <button type="button" className="primary" onClick={studio.steps.startAtTrainingNext} disabled={disabled}>
          Step through example {next + 1} (training’s next)
        </button>
        <button type="button" onClick={studio.steps.startStepping} disabled={disabled} aria-keyshortcuts="N">
          Step through this example
        </button>
      </div>
    </>
  );
});

export function ShortcutHelp() {
  return (
    <dl className="stepper-keys" aria-label="Keyboard shortcuts">
      <dt>N or →</dt>
      <dd>next step</dd>
      <dt>B or ←</dt>
      <dd>back one step</dd>
      <dt>End</dt>
      <dd>run to end of example</dd>
      <dt>P</dt>
      <dd>predict on or off; Enter checks, R retries, V reveals</dd>
    </dl>
  );
}
