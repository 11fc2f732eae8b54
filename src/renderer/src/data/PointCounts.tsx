import { countClasses, targetValues } from './targets';
import { useDocument, useLive } from '../studio/hooks';

// "12 points: 6 red, 6 blue · example in hand: #3 (0.25, −0.5)"
export function PointCounts() {
  const examples = useDocument((s) => s.doc.dataset.examples);
  const nodes = useDocument((s) => s.doc.nodes);
  const selected = useLive((s) => s.exampleIndex);
  const { low, high } = countClasses(examples, targetValues({ nodes }));
  const inHand = selected !== null ? examples[selected] : undefined;
  return (
    <p className="data-counts" aria-live="polite">
      <span data-testid="point-count">
        {examples.length} {examples.length === 1 ? 'point' : 'points'}: {low} red, {high} blue
      </span>
      {inHand && (
        <span>
          {' '}
          · example in hand: #{selected! + 1} ({inHand.x[0]}, {inHand.x[1]})
        </span>
      )}
    </p>
  );
}
