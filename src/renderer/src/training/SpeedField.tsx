import { useTraining } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

/** Play's pace: slow enough to watch the boundary move, or as fast as the machine can */
export const SPEEDS: readonly { label: string; epochsPerSecond: number | null }[] = [
  { label: 'Full speed', epochsPerSecond: null },
  { label: '1000 epochs/s', epochsPerSecond: 1000 },
  { label: '100 epochs/s', epochsPerSecond: 100 },
  { label: '10 epochs/s', epochsPerSecond: 10 },
  { label: '1 epoch/s', epochsPerSecond: 1 },
];

export function SpeedField() {
  const studio = useStudio();
  const speed = useTraining((s) => s.speed);
  const index = Math.max(0, SPEEDS.findIndex((s) => s.epochsPerSecond === speed));
  return (
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
  );
}
