import { useEffect, useState, type ClipboardEvent } from 'react';
import { exact, readable } from '../../format/number';

// A text field for an exact number: committed on Enter or blur, refused (and reset) when it
// does not parse to a finite number; Escape restores the current value. It shows the page's
// number format (format/number.ts); the float64 in full is its title, and what Copy takes while
// the field is unedited. Only typed text is committed, so leaving it untouched never rounds the
// value to what is shown.
export function NumberField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
}) {
  const [text, setText] = useState(readable(value));
  const [edited, setEdited] = useState(false);
  const [bad, setBad] = useState(false);
  const reset = () => {
    setText(readable(value));
    setEdited(false);
    setBad(false);
  };
  useEffect(reset, [value]);
  const commit = () => {
    if (!edited) return;
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v)) {
      setBad(true);
      return;
    }
    setBad(false);
    if (!Object.is(v, value)) onCommit(v);
    else reset();
  };
  const copyExact = (e: ClipboardEvent<HTMLInputElement>) => {
    if (edited) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', exact(value));
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        title={exact(value)}
        aria-label={label}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
        }}
        onCopy={copyExact}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') reset();
        }}
      />
    </label>
  );
}
