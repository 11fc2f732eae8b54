import { useState } from 'react';
import { GENERATOR_KINDS, generate, type GeneratorKind } from '../../../engine';
import { exampleShape, fitExamples } from './examples';
import { targetValues } from './targets';
import { useStudio } from '../studio/StudioContext';

const KIND_NAMES: Record<GeneratorKind, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two gaussians',
  spiral: 'Spiral',
  linear: 'Linearly separable',
};

// Seeded data sets (the engine's generators) that replace the points, as one undoable edit.
export function GeneratorControls() {
  const studio = useStudio();
  const [kind, setKind] = useState<GeneratorKind>('circle');
  const [count, setCount] = useState(200);
  const [noise, setNoise] = useState(0.05);
  const [seed, setSeed] = useState(1);

  const run = () => {
    const doc = studio.document.getState().doc;
    const examples = generate(kind, { count, noise, seed, low: targetValues(doc).low });
    studio.live.setState({ exampleIndex: null });
    studio.document.setExamples(fitExamples(examples, exampleShape(doc)), `Generate ${KIND_NAMES[kind]}`);
  };
  const clear = () => {
    studio.live.setState({ exampleIndex: null });
    studio.document.setExamples([], 'Clear points');
  };

  return (
    <fieldset className="data-generate">
      <legend>Generate</legend>
      <label>
        Data set
        <select value={kind} onChange={(e) => setKind(e.target.value as GeneratorKind)}>
          {GENERATOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="Count" value={count} min={2} max={5000} step={1} onChange={(v) => setCount(Math.round(v))} />
      <NumberField label="Noise" value={noise} min={0} max={1} step={0.01} onChange={setNoise} />
      <NumberField label="Data seed" value={seed} min={0} max={2 ** 31} step={1} onChange={(v) => setSeed(Math.round(v))} />
      <div className="data-buttons">
        <button type="button" onClick={run}>
          Generate points
        </button>
        <button type="button" onClick={clear}>
          Clear points
        </button>
      </div>
    </fieldset>
  );
}

function NumberField(props: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v)) props.onChange(Math.min(Math.max(v, props.min), props.max));
        }}
      />
    </label>
  );
}
