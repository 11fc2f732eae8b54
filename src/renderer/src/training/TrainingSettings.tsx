import { useEffect, useState } from 'react';
import type { TrainingMode } from '../../../engine/format/types';
import { LearningRate } from './LearningRate';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// η, mode, shuffle and seed: document settings, each change one undoable edit (Play's speed, a
// setting of the window, sits beside Play).
export function TrainingSettingsForm() {
  const studio = useStudio();
  const mode = useDocument((s) => s.doc.training.mode);
  const shuffle = useDocument((s) => s.doc.training.shuffle);
  return (
    <div className="train-settings">
      <LearningRate />
      <label>
        Mode
        <select value={mode} onChange={(e) => studio.document.setTraining({ mode: e.target.value as TrainingMode })}>
          <option value="sequential">Sequential (update per example)</option>
          <option value="batch">Batch (update per epoch)</option>
        </select>
      </label>
      <label className="train-check" title={mode === 'batch' ? 'batch mode sums over all examples; order does not matter' : undefined}>
        <input type="checkbox" checked={shuffle} disabled={mode === 'batch'} onChange={(e) => studio.document.setTraining({ shuffle: e.target.checked })} />
        Shuffle each epoch
      </label>
      <SeedField />
    </div>
  );
}

function SeedField() {
  const studio = useStudio();
  const seed = useDocument((s) => s.doc.training.seed);
  const [draft, setDraft] = useState(String(seed));
  useEffect(() => setDraft(String(seed)), [seed]);
  const apply = () => {
    const v = Number(draft);
    if (Number.isSafeInteger(v) && v >= 0) studio.document.setTraining({ seed: v });
    else setDraft(String(seed));
  };
  return (
    <label>
      Seed
      <input
        type="number"
        min={0}
        step={1}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
    </label>
  );
}
