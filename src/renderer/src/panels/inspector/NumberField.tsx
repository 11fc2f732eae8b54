import { useEffect, useState } from 'react';
import { exact, readable } from '../../format/number';

// A text field for an exact number: committed on Enter or blur, refused (and reset) when it
// does not parse to a finite number; Escape restores the current value. At rest it shows the
// page's number format (format/number.ts), the float64 in full in its title; while focused it
// holds the full value, so copying or editing starts from the number itself. Leaving it
// unedited never rounds the value.
export function NumberField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(exact(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(exact(value));
    setBad(false);
  }, [value]);
  const commit = () => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v)) {
      setBad(true);
      return;
    }
    setBad(false);
    if (!Object.is(v, value)) onCommit(v);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={editing || bad ? text : readable(value)}
        title={exact(value)}
        aria-label={label}
        aria-invalid={bad}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(exact(value));
        }}
      />
    </label>
  );
}
