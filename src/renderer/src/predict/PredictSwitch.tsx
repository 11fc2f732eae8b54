import { memo } from 'react';
import { usePredict } from './hooks';
import { PREDICT_LEVELS, type PredictLevel } from './store';
import { useStudio } from '../studio/StudioContext';

// The Predict switch (P) and its level: type the number, pick its sign, or pick one of three.

const LEVEL_NAMES: Record<PredictLevel, string> = { number: 'Type the number', sign: 'Pick the sign', choice: 'Pick of three' };

export const PredictSwitch = memo(function PredictSwitch() {
  const studio = useStudio();
  const on = usePredict((s) => s.on);
  const level = usePredict((s) => s.level);
  return (
    <div className="predict-switch">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => studio.predict.setOn(e.target.checked)} aria-keyshortcuts="P" /> Predict
        before each value appears <kbd>P</kbd>
      </label>
      {on && (
        <label>
          Level{' '}
          <select value={level} onChange={(e) => studio.predict.setLevel(PREDICT_LEVELS.find((l) => l === e.target.value) ?? 'number')}>
            {PREDICT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
});
