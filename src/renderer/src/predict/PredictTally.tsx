import { memo } from 'react';
import { PREDICT_PHASES } from '../../../engine/predict';
import { usePredict } from './hooks';
import { useStudio } from '../studio/StudioContext';

// Right, wrong and revealed per phase, the current streak, and the live region a screen reader
// announces each verdict from.

const PHASE_NAMES = { forward: 'Forward', error: 'Error', backward: 'Backward', update: 'Update' } as const;

export const PredictTally = memo(function PredictTally() {
  const studio = useStudio();
  const tallies = usePredict((s) => s.tallies);
  const streak = usePredict((s) => s.streak);
  const best = usePredict((s) => s.best);
  return (
    <div className="predict-tally">
      <table className="stepper-table" aria-label="Prediction tally">
        <thead>
          <tr>
            <th scope="col">phase</th>
            <th scope="col">right</th>
            <th scope="col">wrong</th>
            <th scope="col">revealed</th>
          </tr>
        </thead>
        <tbody>
          {PREDICT_PHASES.map((p) => (
            <tr key={p} data-phase={p}>
              <th scope="row">{PHASE_NAMES[p]}</th>
              <td data-tally="right">{tallies[p].right}</td>
              <td data-tally="wrong">{tallies[p].wrong}</td>
              <td data-tally="revealed">{tallies[p].revealed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="predict-streak">
        Streak <strong data-streak={streak}>{streak}</strong> (best {best}){' '}
        <button type="button" className="predict-reset" onClick={studio.predict.resetTally}>
          Reset tally
        </button>
      </p>
    </div>
  );
});

/** the verdicts, read aloud as they come */
export const PredictAnnouncer = memo(function PredictAnnouncer() {
  const text = usePredict((s) => s.announcement);
  return (
    <p className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
      {text}
    </p>
  );
});
