import { memo } from 'react';
import type { Phase } from './machine';

const PHASES: { key: Phase[]; label: string }[] = [
  { key: ['start', 'forward'], label: 'Forward' },
  { key: ['error'], label: 'Error' },
  { key: ['backward', 'gradients'], label: 'Backward' },
  { key: ['update', 'accumulate'], label: 'Update' },
];

/** the four phases of an example, the current one marked */
export const PhaseTrack = memo(function PhaseTrack({ phase }: { phase: Phase }) {
  const at = PHASES.findIndex((p) => p.key.includes(phase));
  return (
    <ol className="stepper-phases" aria-label="Phases">
      {PHASES.map((p, i) => (
        <li
          key={p.label}
          className={i === at ? 'is-current' : i < at ? 'is-done' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          {p.label}
        </li>
      ))}
    </ol>
  );
});
