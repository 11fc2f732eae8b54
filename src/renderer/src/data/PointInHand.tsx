import { problemOf } from '../../../engine/format/types';
import { editedExamples } from './brush';
import { toggleTestOf } from './usePlotKeys';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The example in hand, editable: whether it is a test example (also the T key on the plot) and,
// for regression, its value — each change one undo step.
export function PointInHand() {
  const studio = useStudio();
  const index = useLive((s) => s.exampleIndex);
  const example = useDocument((s) => (index === null ? undefined : s.doc.dataset.examples[index]));
  const regression = useDocument((s) => problemOf(s.doc.dataset) === 'regression');
  if (index === null || !example) return null;
  const setValue = (value: number) => {
    const examples = studio.document.getState().doc.dataset.examples;
    studio.document.setExamples(editedExamples(examples, index, (e) => ({ ...e, y: e.y.map(() => value) })), 'Set value');
  };
  return (
    <div className="point-in-hand" role="group" aria-label="Example in hand">
      <span>Point #{index + 1}</span>
      <label className="data-check" title="Key T">
        <input type="checkbox" checked={example.test === true} onChange={() => toggleTestOf(studio, index)} />
        Test point
      </label>
      {regression && (
        <label className="data-check">
          Value
          <input
            type="number"
            step={0.1}
            aria-label="Value of the example in hand"
            value={example.y[0] ?? 0}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setValue(e.target.valueAsNumber)}
          />
        </label>
      )}
    </div>
  );
}
