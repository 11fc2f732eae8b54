import { memo } from 'react';
import { compact } from './format';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Which example the numbers on the nodes belong to (x, y and E_i), and — when the graph has
// several outputs — which output's ∂h/∂s the neurons show.
export const ExampleBadge = memo(function ExampleBadge() {
  const studio = useStudio();
  const index = useLive((s) => s.exampleIndex);
  const error = useLive((s) => (s.reveal ? null : s.error)); // the step-through reveals E itself
  const outputCount = useLive((s) => s.outputs.length);
  const outputIndex = useLive((s) => s.outputIndex);
  const example = useDocument((s) => (index === null ? undefined : s.doc.dataset.examples[index]));
  const targets = useDocument((s) => s.doc.dataset.targets);
  if (!example) return null;
  return (
    <div className="example-badge" aria-label="Example in hand">
      <span>
        example <b>#{index! + 1}</b>
      </span>
      <span title={example.x.map(String).join(', ')}>x = ({example.x.map(compact).join(', ')})</span>
      <span title={example.y.map(String).join(', ')}>y = {example.y.map(compact).join(', ')}</span>
      {error !== null && (
        <span title={`E_i = ${String(error)}`} data-quantity="E" data-value={String(error)}>
          E<sub>i</sub> = {compact(error)}
        </span>
      )}
      {outputCount > 1 && (
        <label>
          ∂h/∂s of
          <select
            aria-label="Output shown as ∂h/∂s"
            value={outputIndex}
            onChange={(e) => studio.live.setState({ outputIndex: Number(e.target.value) })}
          >
            {Array.from({ length: outputCount }, (_, o) => (
              <option key={o} value={o}>
                h{o} {targets?.[o] ? `(${targets[o]})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
});
