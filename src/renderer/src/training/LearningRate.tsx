import { useEffect, useState } from 'react';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

export const ETA_PRESETS = [1e-5, 1e-4, 1e-3, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** a typed η is accepted when it is a finite number > 0 */
export function parseEta(text: string): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) && v > 0 ? v : null;
}

// η: typed (applied on Enter or leaving the field), or picked from presets.
export function LearningRate() {
  const studio = useStudio();
  const eta = useDocument((s) => s.doc.training.learningRate);
  const [draft, setDraft] = useState(String(eta));
  useEffect(() => setDraft(String(eta)), [eta]);
  const parsed = parseEta(draft);
  const apply = () => {
    if (parsed !== null) studio.document.setTraining({ learningRate: parsed });
    // the document's η after the edit: a lesson's lock may have refused it
    setDraft(String(studio.document.getState().doc.training.learningRate));
  };

  return (
    <div className="train-eta">
      <label>
        Learning rate η
        <input
          type="text"
          inputMode="decimal"
          value={draft}
          aria-invalid={parsed === null}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') setDraft(String(eta));
          }}
        />
      </label>
      <label>
        η presets
        <select value={ETA_PRESETS.includes(eta) ? String(eta) : ''} onChange={(e) => studio.document.setTraining({ learningRate: Number(e.target.value) })}>
          <option value="" disabled>
            custom
          </option>
          {ETA_PRESETS.map((v) => (
            <option key={v} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
