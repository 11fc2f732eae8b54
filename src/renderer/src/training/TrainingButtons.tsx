import { useDocument, useTraining } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

/** Play and Pause, one button */
export function PlayButton() {
  const studio = useStudio();
  const running = useTraining((s) => s.running);
  return (
    <button
      type="button"
      className="train-play"
      data-control="play"
      aria-label={running ? 'Pause training' : 'Play training'}
      aria-keyshortcuts="Space"
      title={running ? 'Pause (Space)' : 'Play (Space)'}
      onClick={studio.controller.playPause}
    >
      {running ? '❚❚ Pause' : '▶ Play'}
    </button>
  );
}

/** what one Step does in each mode: its words and its tooltip */
const STEP_TEXT = {
  sequential: { text: 'Step example', title: 'One example: forward, backward, update' },
  minibatch: { text: 'Step batch', title: 'One mini-batch of b examples: their summed gradient, one update' },
  batch: { text: 'Step (batch: one epoch)', title: 'Batch mode updates once per epoch: this step runs the whole epoch' },
} as const;

/** one update (an example, a mini-batch, or batch mode's epoch), one epoch, and new weights from the seed */
export function StepButtons() {
  const studio = useStudio();
  const mode = useDocument((s) => s.doc.training.mode);
  const step = STEP_TEXT[mode];
  return (
    <div className="train-buttons">
      <button type="button" data-control="step" onClick={studio.controller.stepExample} title={step.title}>
        {step.text}
      </button>
      <button type="button" data-control="step" onClick={studio.controller.stepEpoch}>
        Step epoch
      </button>
      <button type="button" data-control="reset" onClick={studio.controller.resetWeights} title="Re-draw every weight from the seed; epoch back to 0">
        Reset weights
      </button>
    </div>
  );
}
