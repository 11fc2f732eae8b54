import { memo } from 'react';
import { useGuide } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The first run's one-line start, shown until dismissed (remembered).
export const FirstRunHint = memo(function FirstRunHint() {
  const studio = useStudio();
  const shown = useGuide((s) => s.hint);
  if (!shown) return null;
  return (
    <div className="first-hint" role="note" aria-label="Getting started">
      <span>
        Press <b>▶ Play</b> to train and watch the map form · pick a data set under the loss chart · double-click to add a neuron,
        drag from its right dot to connect · drag to pan, wheel to zoom
      </span>
      <button type="button" onClick={studio.guide.dismissHint}>
        Got it
      </button>
    </div>
  );
});
