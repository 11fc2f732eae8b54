import { memo } from 'react';
import type { Finish, Phase } from './machine';

const TRAINED: { key: Phase[]; label: string }[] = [
  { key: ['start', 'forward'], label: 'Forward' },
  { key: ['error'], label: 'Error' },
  { key: ['backward', 'gradients'], label: 'Backward' },
  { key: ['update', 'accumulate', 'aside'], label: 'Update' },
];

/** a test example has no backward pass: its pass ends after the error */
const TEST: { key: Phase[]; label: string }[] = [...TRAINED.slice(0, 2), { key: ['test'], label: 'Test: not trained' }];

/** what ends the example: an update, adding to the batch's sum, or nothing (an example aside) */
const FINISH_LABEL: Record<Finish, string> = { update: 'Update', accumulate: 'Add to sum', aside: 'Not added', test: 'Test: not trained' };

/** the phases of an example, the current one marked */
export const PhaseTrack = memo(function PhaseTrack({ phase, finish }: { phase: Phase; finish: Finish }) {
  const phases = finish === 'test' ? TEST : TRAINED;
  const at = phases.findIndex((p) => p.key.includes(phase));
  return (
    <ol className="stepper-phases" aria-label="Phases">
      {phases.map((p, i) => (
        <li
          key={p.label}
          className={i === at ? 'is-current' : i < at ? 'is-done' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          {i === phases.length - 1 ? FINISH_LABEL[finish] : p.label}
        </li>
      ))}
    </ol>
  );
});
