import { useEffect, useState } from 'react';

/** a typed number accepted when finite and within [min, max] (max exclusive when `below`), else null */
export function parseWithin(text: string, range: { min: number; max?: number; below?: number; integer?: boolean }): number | null {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v) || v < range.min) return null;
  if (range.max !== undefined && v > range.max) return null;
  if (range.below !== undefined && v >= range.below) return null;
  if (range.integer && !Number.isInteger(v)) return null;
  return v;
}

interface NumberFieldProps {
  label: string;
  value: number;
  parse(text: string): number | null;
  onApply(value: number): void;
  disabled?: boolean;
  title?: string;
  describedBy?: string;
}

// A number typed into a text field, applied on Enter or leaving the field (one undo step), put
// back on Escape or when it is not a valid value; marked invalid while it is not.
export function NumberField({ label, value, parse, onApply, disabled, title, describedBy }: NumberFieldProps) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const parsed = parse(draft);
  const apply = () => {
    if (parsed !== null && parsed !== value) onApply(parsed);
    else if (parsed === null) setDraft(String(value));
  };
  return (
    <label title={title}>
      {label}
      <input
        type="text"
        inputMode="decimal"
        value={draft}
        disabled={disabled}
        aria-invalid={parsed === null}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setDraft(String(value));
        }}
      />
    </label>
  );
}
