import { useDocument, useTraining } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

export function TrainingButtons() {
  const studio = useStudio();
  const running = useTraining((s) => s.running);
  const batch = useDocument((s) => s.doc.training.mode === 'batch');
  return (
    <div className="train-buttons">
      <button
        type="button"
        className="train-play"
        aria-label={running ? 'Pause training' : 'Play training'}
        aria-keyshortcuts="Space"
        title={running ? 'Pause (Space)' : 'Play (Space)'}
        onClick={studio.controller.playPause}
      >
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={studio.controller.stepExample}
        title={batch ? 'Batch mode updates once per epoch: this step runs the whole epoch' : 'One example: forward, backward, update'}
      >
        {batch ? 'Step (batch: one epoch)' : 'Step example'}
      </button>
      <button type="button" onClick={studio.controller.stepEpoch}>
        Step epoch
      </button>
      <button type="button" onClick={studio.controller.resetWeights} title="Re-draw every weight from the seed; epoch back to 0">
        Reset weights
      </button>
    </div>
  );
}
