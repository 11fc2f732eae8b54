// Readout numbers: a short form to read at a glance; the full float64 (String) goes in
// data-value and the tooltip, so nothing is hidden.

export function short(value: number | null, digits = 6): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(digits - 2);
  return String(Number(value.toPrecision(digits)));
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function rate(value: number): string {
  if (value <= 0) return '—';
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
  return `${Math.round(value)} /s`;
}

/** an axis label: 3 significant digits, exponent form outside 0.01…1000 */
export function tick(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  return a >= 1000 || a < 0.01 ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}
