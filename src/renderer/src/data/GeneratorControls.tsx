import { GENERATOR_KINDS, type GeneratorKind } from '../../../engine';
import { KIND_NAMES } from './generatorSettings';
import { useGenerators } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The generators' settings (count, noise, seed) and the buttons that replace or clear the
// points, as one undoable edit each; the thumbnails above the plot apply a data set in one click.
export function GeneratorControls() {
  const studio = useStudio();
  const { kind, count, noise, seed } = useGenerators((s) => s);
  const set = studio.generators.set;
  return (
    <fieldset className="data-generate">
      <legend>Generate</legend>
      <label>
        Data set
        <select value={kind} onChange={(e) => set({ kind: e.target.value as GeneratorKind })}>
          {GENERATOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="Count" value={count} min={2} max={5000} step={1} onChange={(v) => set({ count: Math.round(v) })} />
      <NumberField label="Noise" value={noise} min={0} max={1} step={0.01} onChange={(v) => set({ noise: v })} />
      <NumberField label="Data seed" value={seed} min={0} max={2 ** 31} step={1} onChange={(v) => set({ seed: Math.round(v) })} />
      <div className="data-buttons">
        <button type="button" onClick={() => studio.generators.apply()}>
          Generate points
        </button>
        <button type="button" onClick={studio.generators.clear}>
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
