import { memo } from 'react';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { exact, exactTuple, readable, readableTuple } from '../format/number';


// Which example is in hand: previous / next, and its x and y. Clicking a point on the plot
// chooses one too (the plot writes useLive.exampleIndex).
export const ExamplePicker = memo(function ExamplePicker() {
  const studio = useStudio();
  const index = useLive((s) => s.exampleIndex);
  const count = useDocument((s) => s.doc.dataset.examples.length);
  const example = useDocument((s) => (index === null ? undefined : s.doc.dataset.examples[index]));
  if (count === 0 || index === null || !example) {
    return <p className="stepper-hint">Add points (click the plot, generate, or import) to step through an example.</p>;
  }
  return (
    <div className="stepper-example">
      <button type="button" onClick={() => studio.steps.chooseRelativeExample(-1)} aria-label="Previous example">
        ‹
      </button>
      <div className="stepper-example-text" aria-live="polite">
        <strong>
          Example {index + 1} of {count}
        </strong>
        {example.test === true && <span className="stepper-test-tag"> (test: never trained on)</span>}
        <span title={`x = ${exactTuple(example.x)}, y = ${example.y.map(exact).join(', ')}`}>
          x = {readableTuple(example.x)}, y = {example.y.map((v) => readable(v)).join(', ')}
        </span>
      </div>
      <button type="button" onClick={() => studio.steps.chooseRelativeExample(1)} aria-label="Next example">
        ›
      </button>
    </div>
  );
});
