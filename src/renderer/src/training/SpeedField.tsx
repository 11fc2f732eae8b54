import { useTraining } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { WATCHABLE_EPOCHS_PER_SECOND } from '../pacing/constants';

/** Play's pace: slow enough to watch the boundary move, or as fast as the machine can */
export const SPEEDS: readonly { label: string; epochsPerSecond: number | null }[] = [
  { label: 'Full speed', epochsPerSecond: null },
  { label: '1000 epochs/s', epochsPerSecond: 1000 },
  { label: '300 epochs/s', epochsPerSecond: 300 },
  { label: '100 epochs/s', epochsPerSecond: 100 },
  { label: '30 epochs/s', epochsPerSecond: 30 },
  { label: '10 epochs/s', epochsPerSecond: 10 },
  { label: '3 epochs/s', epochsPerSecond: 3 },
  { label: '1 epoch/s', epochsPerSecond: 1 },
];

// The speed beside Play: a list of paces, and one button to train at full speed (pressed again,
// back to the watchable pace).
export function SpeedField() {
  const studio = useStudio();
  const speed = useTraining((s) => s.speed);
  const index = Math.max(0, SPEEDS.findIndex((s) => s.epochsPerSecond === speed));
  const full = speed === null;
  return (
    <span className="train-speed">
      <label title="How fast Play trains; slow it down to watch the boundary move">
        Speed
        <select value={index} onChange={(e) => studio.controller.setSpeed(SPEEDS[Number(e.target.value)].epochsPerSecond)}>
          {SPEEDS.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="train-full"
        aria-pressed={full}
        title={full ? `Back to ${WATCHABLE_EPOCHS_PER_SECOND} epochs a second` : 'Train as fast as this machine can'}
        onClick={() => studio.controller.setSpeed(full ? WATCHABLE_EPOCHS_PER_SECOND : null)}
      >
        ▶▶ Full speed
      </button>
    </span>
  );
}
