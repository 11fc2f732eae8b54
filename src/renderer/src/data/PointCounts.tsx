import { useMemo } from 'react';
import { problemOf } from '../../../engine/format/types';
import { classCount, classLabel, countByClass, isOneHot } from './classes';
import { targetValues } from './targets';
import { useDocument, useLive } from '../studio/hooks';

// "12 points: 6 red, 6 blue · 9 training, 3 test · example in hand: #3 (0.25, −0.5)"; k classes
// are counted by their labels, a regression set gives its values' extent.

const UNNAMED = ['red', 'blue'];

export function PointCounts() {
  const dataset = useDocument((s) => s.doc.dataset);
  const nodes = useDocument((s) => s.doc.nodes);
  const selected = useLive((s) => s.exampleIndex);
  const { examples } = dataset;
  const regression = problemOf(dataset) === 'regression';
  const k = classCount(dataset);
  const counts = useMemo(() => countByClass(examples, k, isOneHot(dataset), targetValues({ nodes })), [examples, k, dataset, nodes]);
  const inHand = selected !== null ? examples[selected] : undefined;
  const points = `${examples.length} ${examples.length === 1 ? 'point' : 'points'}`;
  const byClass = counts.perClass.map((n, c) => `${n} ${dataset.classes?.[c] ?? (k === 2 ? UNNAMED[c] : classLabel(dataset, c))}`).join(', ');
  return (
    <p className="data-counts" aria-live="polite">
      <span data-testid="point-count">{regression ? `${points}${valuesOf(examples)}` : `${points}: ${byClass}`}</span>
      {counts.test > 0 && (
        <span data-testid="split-count">
          {' '}
          · {counts.train} training, {counts.test} test
        </span>
      )}
      {inHand && (
        <span>
          {' '}
          · example in hand: #{selected! + 1} ({inHand.x[0]}, {inHand.x[1]}){inHand.test ? ', test' : ''}
          {regression ? `, value ${inHand.y[0]}` : ''}
        </span>
      )}
    </p>
  );
}

/** ", values −1 … 1" (none: "") */
function valuesOf(examples: readonly { y: readonly number[] }[]): string {
  if (examples.length === 0) return '';
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of examples) {
    lo = Math.min(lo, e.y[0] ?? 0);
    hi = Math.max(hi, e.y[0] ?? 0);
  }
  return `, values ${lo} … ${hi}`;
}
