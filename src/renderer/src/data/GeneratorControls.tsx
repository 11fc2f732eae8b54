import { GENERATOR_KINDS, REGRESSION_KINDS } from '../../../engine';
import { isRegressionKind, KIND_NAMES, type DataKind } from './generatorSettings';
import { useGenerators } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The generators' settings (kind, count, seed; noise and the train/test share are the sliders
// under the plot) and the buttons that replace or clear the points, as one undoable edit each;
// the thumbnails above the plot apply a data set in one click.
export function GeneratorControls() {
  const studio = useStudio();
  const { problem, kind, regression, count, seed } = useGenerators((s) => s);
  const set = studio.generators.set;
  const chosen: DataKind = problem === 'regression' ? regression : kind;
  const choose = (k: DataKind) => set(isRegressionKind(k) ? { problem: 'regression', regression: k } : { problem: 'classification', kind: k });
  return (
    <fieldset className="data-generate">
      <legend>Generate</legend>
      <label>
        Data set
        <select value={chosen} onChange={(e) => choose(e.target.value as DataKind)}>
          <optgroup label="Classification">
            {GENERATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Regression">
            {REGRESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <NumberField label="Count" value={count} min={2} max={5000} step={1} onChange={(v) => set({ count: Math.round(v) })} />
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
