import { useEffect, useState } from 'react';
import { LearningRate } from './LearningRate';
import { BatchFields } from './BatchFields';
import { LossField } from './LossField';
import { PenaltyFields } from './PenaltyFields';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// η, mode with its batch size, shuffle, seed, the loss, regularisation and momentum: document
// settings, each change one undoable edit saved in the file; while training runs it takes effect
// at the next step (the controller sends the worker the new document). Play's speed, a setting
// of the window, sits beside Play.
export function TrainingSettingsForm() {
  return (
    <div className="train-settings">
      <LearningRate />
      <BatchFields />
      <SeedField />
      <LossField />
      <PenaltyFields />
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
