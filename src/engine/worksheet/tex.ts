// Names and numbers as TeX for the worksheet: a node's name (label, else id) as a subscript, a
// number rounded to the digits a person works with by hand, a negative factor in parentheses.

/** significant digits printed on the sheet */
export const SHEET_DIGITS = 4;
/** below this magnitude (or at/above BIG) numbers get a power of ten */
const SMALL = 1e-3;
const BIG = 1e5;

/** v rounded to SHEET_DIGITS significant digits, in TeX: "0.4", "-0.639", "1.25 \times 10^{-7}" */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{NaN}' : v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= SMALL && abs < BIG) {
    const rounded = Number(v.toPrecision(SHEET_DIGITS));
    if (Math.abs(rounded) < BIG) return String(rounded);
  }
  const [m, e] = v.toExponential(SHEET_DIGITS - 1).split('e');
  return `${Number(m)} \\times 10^{${Number(e)}}`;
}

/** a factor in a product: a negative number in parentheses */
export function texFactor(v: number): string {
  const t = texNumber(v);
  return v < 0 || Object.is(v, -0) ? `(${t})` : t;
}

const TEX_SPECIALS = /[\\{}_^#$%&~]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '~': '\\textasciitilde{}',
};

/** a node name as upright text, safe for any characters (a digit run or one letter stays math) */
export function texName(name: string): string {
  if (/^[0-9]+$/.test(name) || /^[A-Za-z]$/.test(name)) return name;
  return `\\text{${name.replace(TEX_SPECIALS, (c) => ESCAPES[c])}}`;
}

export const texS = (k: string): string => `s_{${k}}`;
export const texZ = (k: string): string => `z_{${k}}`;
export const texW = (j: string, k: string): string => `w_{${j} \\to ${k}}`;
export const texDsigma = (k: string): string => `\\sigma'(s_{${k}})`;
export const texDEds = (k: string): string => `\\frac{\\partial E_i}{\\partial s_{${k}}}`;
export const texDEdw = (j: string, k: string): string => `\\frac{\\partial E_i}{\\partial ${texW(j, k)}}`;
export const texNewW = (j: string, k: string): string => `${texW(j, k)}'`;
export const texV = (j: string, k: string): string => `v_{${j} \\to ${k}}`;
export const texNewV = (j: string, k: string): string => `${texV(j, k)}'`;

/** terms joined by " + " (no terms: 0) */
export function texSum(terms: readonly string[]): string {
  return terms.length === 0 ? '0' : terms.join(' + ');
}
