import { readable } from '../format/number';

// Readout numbers: the page's one format (format/number.ts); the full float64 (String) goes in
// data-value and the tooltip, so nothing is hidden.

export function short(value: number | null): string {
  return value === null ? '—' : readable(value);
}

/** the epoch as the readout writes it: completed epochs, and examples done in the next, "0 (+3)" */
export const epochText = (epoch: number, position: number): string => (position > 0 ? `${epoch} (+${position})` : String(epoch));

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function rate(value: number): string {
  if (value <= 0) return '—';
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
  return `${Math.round(value)} /s`;
}

/** an axis label: the page's format with 2 significant digits */
export const tick = (value: number): string => readable(value, 2);
