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

/** one example, one epoch, and new weights from the seed */
export function StepButtons() {
  const studio = useStudio();
  const batch = useDocument((s) => s.doc.training.mode === 'batch');
  return (
    <div className="train-buttons">
      <button
        type="button"
        data-control="step"
        onClick={studio.controller.stepExample}
        title={batch ? 'Batch mode updates once per epoch: this step runs the whole epoch' : 'One example: forward, backward, update'}
      >
        {batch ? 'Step (batch: one epoch)' : 'Step example'}
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
