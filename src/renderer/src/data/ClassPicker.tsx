import { useMemo, useState } from 'react';
import { CLASS_COLOURS, classCount, classLabel, renameClass } from './classes';
import { VALUE_GRADIENT, valueColour, valueRange } from './colorScale';
import type { Brush } from './brush';
import { isFunctionFit } from './plotCoords';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// What a click places, and the legend of the colours the points and the map use: one button per
// class (its colour, its label; keys 1 … k), or, for regression, the value of new points beside
// the colour bar of the value scale.

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ClassPicker({ chosen, onChoose }: { chosen: number; onChoose: (cls: number) => void }) {
  const dataset = useDocument((s) => s.doc.dataset);
  const [naming, setNaming] = useState(false);
  const k = classCount(dataset);
  return (
    <div className="class-legend">
      <div className="class-row">
        <div role="group" aria-label="Class of new points" className="class-picker">
          {Array.from({ length: k }, (_, c) => (
            <button
              key={c}
              type="button"
              className="class-button"
              aria-pressed={Math.min(chosen, k - 1) === c}
              title={`Key ${c + 1}`}
              onClick={() => onChoose(c)}
            >
              <span className="class-swatch" aria-hidden="true" style={{ background: CLASS_COLOURS[c] }} />
              {capitalise(classLabel(dataset, c))}
            </button>
          ))}
        </div>
        <button type="button" className="class-rename" aria-expanded={naming} onClick={() => setNaming(!naming)} title="Name the classes">
          Labels…
        </button>
      </div>
      {naming && <ClassNames k={k} />}
    </div>
  );
}

/** one field per class: its label, renamed when the field is left (one undo step each) */
function ClassNames({ k }: { k: number }) {
  const studio = useStudio();
  const dataset = useDocument((s) => s.doc.dataset);
  const commit = (c: number, field: HTMLInputElement) => {
    const doc = studio.document.getState().doc;
    if (field.value.trim() === (doc.dataset.classes?.[c] ?? '')) return;
    const renamed = renameClass(doc.dataset, c, field.value);
    if (typeof renamed === 'string') {
      studio.notices.notify(renamed, 'error');
      field.value = doc.dataset.classes?.[c] ?? classLabel(doc.dataset, c);
      return;
    }
    studio.document.replaceDocument({ ...doc, dataset: renamed }, 'Rename class');
  };
  return (
    <div className="class-names" role="group" aria-label="Class labels">
      {Array.from({ length: k }, (_, c) => (
        <input
          key={`${c}:${dataset.classes?.[c] ?? ''}`}
          aria-label={`Label of class ${c + 1}`}
          defaultValue={dataset.classes?.[c] ?? (k === 2 ? ['red', 'blue'][c] : `class ${c}`)}
          style={{ borderColor: CLASS_COLOURS[c] }}
          onBlur={(e) => commit(c, e.currentTarget)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      ))}
    </div>
  );
}

/** the regression scale: a small colour bar from the lowest target to the highest */
export function ColourBar() {
  const examples = useDocument((s) => s.doc.dataset.examples);
  const range = useMemo(() => valueRange(examples), [examples]);
  const fmt = (v: number) => String(Math.round(v * 100) / 100);
  return (
    <span className="colour-bar" role="img" aria-label={`value scale from ${fmt(range.lo)} to ${fmt(range.hi)}`}>
      <span className="colour-bar-end">{fmt(range.lo)}</span>
      <span className="colour-bar-ramp" style={{ background: VALUE_GRADIENT }} />
      <span className="colour-bar-end">{fmt(range.hi)}</span>
    </span>
  );
}

export function ValueBrush({ brush, onChange }: { brush: Brush; onChange: (b: Brush) => void }) {
  const functionFit = useDocument((s) => isFunctionFit(s.doc.dataset));
  const examples = useDocument((s) => s.doc.dataset.examples);
  const range = useMemo(() => valueRange(examples), [examples]);
  return (
    <div className="value-brush">
      {functionFit ? (
        <span className="data-check">Click: a point at (x, value)</span>
      ) : (
        <label className="data-check">
          Value of new points
          <span className="class-swatch" aria-hidden="true" style={{ background: valueColour(brush.value, range) }} />
          <input
            type="number"
            step={0.1}
            value={brush.value}
            aria-label="Value of new points"
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange({ ...brush, value: e.target.valueAsNumber })}
          />
        </label>
      )}
      <ColourBar />
    </div>
  );
}
