import { useEffect, useId, useRef } from 'react';
import { ALL_TRAIN } from './generatorSettings';
import { useGenerators } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// TF Playground's sliders: the noise of the generated set and the share of it kept for
// training (10 … 90 %, the rest marked test by a seeded split; 100 %: no test data). The value
// follows the thumb; the set is regenerated when the thumb is let go (one undo step a move).

export function DataSliders() {
  const studio = useStudio();
  const noise = useGenerators((s) => s.noise);
  const ratio = useGenerators((s) => s.trainRatio);
  const percent = Math.round(ratio * 100);
  return (
    <div className="data-sliders">
      <Slider
        label="Noise"
        value={noise}
        min={0}
        max={0.5}
        step={0.01}
        shown={noise.toFixed(2)}
        onInput={(v) => studio.generators.set({ noise: v })}
        onCommit={() => studio.generators.apply()}
      />
      <Slider
        label="Training data"
        value={percent}
        min={10}
        max={100}
        step={10}
        // the share a generated set keeps for training, not the open data's split (that is under the plot)
        shown={percent >= 100 ? 'all (generated without test data)' : `${percent} % (of a generated set)`}
        onInput={(v) => studio.generators.set({ trainRatio: v >= 100 ? ALL_TRAIN : v / 100 })}
        onCommit={() => studio.generators.apply()}
      />
    </div>
  );
}

function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown: string;
  onInput: (v: number) => void;
  onCommit: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  const commit = useRef(props.onCommit);
  commit.current = props.onCommit;
  useEffect(() => {
    // the native change event: fired once the thumb is let go (React's onChange fires on every input)
    const input = ref.current;
    const done = () => commit.current();
    input?.addEventListener('change', done);
    return () => input?.removeEventListener('change', done);
  }, []);
  return (
    <div className="data-slider">
      <span>
        <label htmlFor={id}>{props.label}</label> <output htmlFor={id}>{props.shown}</output>
      </span>
      <input
        ref={ref}
        id={id}
        type="range"
        aria-label={props.label}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onInput(e.target.valueAsNumber)}
      />
    </div>
  );
}
