// Numbers as the canvas shows them: 3 significant digits, compact; the full value goes in a
// title and in data-value.

export function compact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(3)));
  return value.toExponential(2).replace('e+', 'e');
}
