import { useStore } from 'zustand';
import { problemOf, type Problem } from '../../../engine/format/types';
import { classCount, MAX_CLASSES } from './classes';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The problem of the data set — classification (k = 2 … 6 classes) or regression — as TF
// Playground's switch: changing either regenerates the set (one undo step). PlotToggles, over the
// plot, are the view's: the 2-class map discretised, test data shown (both remembered).
export function ProblemBar() {
  const studio = useStudio();
  const problem = useDocument((s) => problemOf(s.doc.dataset));
  const k = useDocument((s) => classCount(s.doc.dataset));
  const choose = (p: Problem) => {
    if (p !== problem) studio.generators.change({ problem: p });
  };
  return (
    <div className="data-problem">
      <div role="radiogroup" aria-label="Problem type" className="segmented">
        {(['classification', 'regression'] as const).map((p) => (
          <button key={p} type="button" role="radio" aria-checked={problem === p} onClick={() => choose(p)}>
            {p === 'classification' ? 'Classification' : 'Regression'}
          </button>
        ))}
      </div>
      {problem === 'classification' && (
        <label className="data-check">
          Classes
          <select
            aria-label="Number of classes"
            value={k}
            onChange={(e) => studio.generators.change({ problem: 'classification', classes: Number(e.target.value) })}
          >
            {Array.from({ length: MAX_CLASSES - 1 }, (_, i) => i + 2).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** how the plot draws: the 2-class map discretised, the test examples shown (both remembered) */
export function PlotToggles() {
  const studio = useStudio();
  const problem = useDocument((s) => problemOf(s.doc.dataset));
  const { discrete, showTest } = useStore(studio.plotView);
  return (
    <div className="data-problem data-plot-toggles">
      {problem === 'classification' && (
        <label className="data-check" title="Colour each cell by the class it would be given">
          <input type="checkbox" checked={discrete} onChange={(e) => studio.plotView.setDiscrete(e.target.checked)} />
          Discretise output
        </label>
      )}
      <label className="data-check" title="Draw the test examples (hollow)">
        <input type="checkbox" checked={showTest} onChange={(e) => studio.plotView.setShowTest(e.target.checked)} />
        Show test data
      </label>
    </div>
  );
}
