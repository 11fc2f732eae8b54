import { useDocument } from '../store/document';
import { playPause, resetWeights, stepEpoch, stepExample } from './controller';
import { useTraining } from './store';

export function TrainingButtons() {
  const running = useTraining((s) => s.running);
  const batch = useDocument((s) => s.doc.training.mode === 'batch');
  return (
    <div className="train-buttons">
      <button type="button" className="train-play" aria-label={running ? 'Pause training' : 'Play training'} onClick={playPause}>
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={stepExample}
        title={batch ? 'In batch mode one update takes the whole epoch' : 'One example: forward, backward, update'}
      >
        Step example
      </button>
      <button type="button" onClick={stepEpoch}>
        Step epoch
      </button>
      <button type="button" onClick={resetWeights} title="Re-draw every weight from the seed; epoch back to 0">
        Reset weights
      </button>
    </div>
  );
}
