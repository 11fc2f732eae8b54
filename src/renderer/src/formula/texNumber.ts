import { readableParts } from '../format/number';

// Numbers and names written as TeX. Every number, plugged in or a result, is the page's one
// format (format/number.ts); the float64 in full is the formula block's title and data-value.

function scientific(mantissa: string, exponent: number): string {
  return `${mantissa} \\times 10^{${exponent}}`;
}

function fromJs(text: string): string {
  const [m, e] = text.split('e');
  return e === undefined ? m : scientific(m, Number(e));
}

/** v as the page shows numbers, in TeX */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{NaN}' : v > 0 ? '\\infty' : '-\\infty';
  const { mantissa, exponent } = readableParts(v);
  return exponent === null ? mantissa : scientific(mantissa, exponent);
}

/** v in full float64 precision (the shortest text that reads back as the same number) */
export const texExact = (v: number): string => (Number.isFinite(v) ? fromJs(String(v)) : texNumber(v));

/** a factor in a product: negative numbers in parentheses */
export const texFactor = (v: number, exact = false): string => {
  const t = exact ? texExact(v) : texNumber(v);
  return v < 0 || Object.is(v, -0) ? `(${t})` : t;
};

/** a node name (id or label) as upright text, safe for any characters: the worksheet's, the same rule */
export { texName } from '../../../engine/worksheet/tex';
