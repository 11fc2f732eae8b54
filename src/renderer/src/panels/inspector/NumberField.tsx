import { useEffect, useState } from 'react';

// A text field for an exact number: committed on Enter or blur, refused (and reset) when it
// does not parse to a finite number; Escape restores the current value.
export function NumberField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
}) {
  const [text, setText] = useState(String(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(String(value));
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
        value={text}
        aria-label={label}
        aria-invalid={bad}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(String(value));
        }}
      />
    </label>
  );
}
