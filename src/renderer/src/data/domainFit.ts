import type { Domain, Example } from '../../../engine/format/types';

// Points from a file may lie outside the plot. An axis that does not show them all grows just
// enough (with a 5 % margin); an axis that does stays as it is. null when nothing needs to grow.

type Range = [number, number];

function fitAxis(values: readonly number[], [lo, hi]: Range): Range | null {
  let min = lo;
  let max = hi;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === lo && max === hi) return null;
  const span = max - min;
  const pad = span * 0.05;
  // outward to a round number: a step a tenth of the span's order of magnitude
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  const round = (v: number, f: (n: number) => number) => Number((f(v / step) * step).toPrecision(12));
  return [min < lo ? round(min - pad, Math.floor) : lo, max > hi ? round(max + pad, Math.ceil) : hi];
}

export function domainToFit(examples: readonly Example[], domain: Domain): Domain | null {
  const x = fitAxis(examples.map((e) => e.x[0] ?? 0), domain.x);
  const y = fitAxis(examples.map((e) => e.x[1] ?? 0), domain.y);
  return x || y ? { x: x ?? domain.x, y: y ?? domain.y } : null;
}
