import { memo } from 'react';
import type { Phase } from './machine';

const PHASES: { key: Phase[]; label: string }[] = [
  { key: ['start', 'forward'], label: 'Forward' },
  { key: ['error'], label: 'Error' },
  { key: ['backward', 'gradients'], label: 'Backward' },
  { key: ['update', 'accumulate'], label: 'Update' },
];

/** a mid-epoch batch example ends by adding to the sum, not by an update */
const labelOf = (label: string, finish: 'update' | 'accumulate') =>
  label === 'Update' && finish === 'accumulate' ? 'Add to sum' : label;

/** the four phases of an example, the current one marked */
export const PhaseTrack = memo(function PhaseTrack({ phase, finish }: { phase: Phase; finish: 'update' | 'accumulate' }) {
  const at = PHASES.findIndex((p) => p.key.includes(phase));
  return (
    <ol className="stepper-phases" aria-label="Phases">
      {PHASES.map((p, i) => (
        <li
          key={p.label}
          className={i === at ? 'is-current' : i < at ? 'is-done' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          {labelOf(p.label, finish)}
        </li>
      ))}
    </ol>
  );
});
