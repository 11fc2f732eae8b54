// The one number format of the page. Every number a person reads (canvas annotations, edge
// labels, inspector, formulas, step-through tables, readouts, plot captions, the example in
// hand) goes through `readable`: a few significant digits, no float noise such as
// 0.3999999999999999, exponent form only for the very small or large. The float64 itself, in
// full, goes in the element's title (hover) and data-value, and in a field being edited (copy).

/** significant digits for reading (the canvas, with less room, asks for 3) */
export const READ_DIGITS = 4;
/** below this magnitude (or at/above BIG) numbers are written with an exponent */
const SMALL = 1e-3;
const BIG = 1e5;

export interface NumberParts {
  /** the digits, with sign and decimal point: "-1.25" */
  mantissa: string;
  /** the power of ten, or null when written without one */
  exponent: number | null;
}

/** v rounded to `digits` significant digits, split into mantissa and power of ten; finite v only */
export function readableParts(v: number, digits = READ_DIGITS): NumberParts {
  if (v === 0) return { mantissa: '0', exponent: null };
  const abs = Math.abs(v);
  if (abs >= SMALL && abs < BIG) {
    const rounded = Number(v.toPrecision(digits));
    // rounding may carry past BIG (99999.7 → 1.000e5): then it needs the exponent after all
    if (Math.abs(rounded) < BIG) return { mantissa: String(rounded) || '0', exponent: null };
  }
  const [m, e] = v.toExponential(digits - 1).split('e');
  return { mantissa: String(Number(m)), exponent: Number(e) };
}

/** v for reading: "0.4", "-0.639", "1.25e-7", "NaN", "∞" */
export function readable(v: number, digits = READ_DIGITS): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '-∞';
  const { mantissa, exponent } = readableParts(v, digits);
  return exponent === null ? mantissa : `${mantissa}e${exponent}`;
}

/** v in full float64 precision (the shortest text that reads back as the same number): for title and copy */
export const exact = (v: number): string => String(v);

/** a point or vector for reading: "(0.4, 0.1)" */
export const readableTuple = (values: readonly number[], digits = READ_DIGITS): string =>
  `(${values.map((v) => readable(v, digits)).join(', ')})`;

/** the same in full, for its title */
export const exactTuple = (values: readonly number[]): string => `(${values.map(exact).join(', ')})`;
