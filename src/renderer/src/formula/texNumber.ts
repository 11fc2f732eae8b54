// Numbers and names written as TeX. Plugged-in numbers are rounded to a readable 6 significant
// digits; a result line ends in the engine's float64 value in full (`exact`).

const SIGNIFICANT = 6;

function scientific(mantissa: string, exponent: string): string {
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

function fromJs(text: string): string {
  const [m, e] = text.split('e');
  return e === undefined ? m : scientific(m, e);
}

/** v rounded to 6 significant digits, without trailing zeros */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{NaN}' : v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e6) return String(Number(v.toPrecision(SIGNIFICANT)));
  const [m, e] = v.toExponential(SIGNIFICANT - 1).split('e');
  return scientific(String(Number(m)), e);
}

/** v in full float64 precision (the shortest text that reads back as the same number) */
export const texExact = (v: number): string => (Number.isFinite(v) ? fromJs(String(v)) : texNumber(v));

/** a factor in a product: negative numbers in parentheses */
export const texFactor = (v: number, exact = false): string => {
  const t = exact ? texExact(v) : texNumber(v);
  return v < 0 || Object.is(v, -0) ? `(${t})` : t;
};

const TEX_SPECIALS = /[\\{}_^#$%&~]/g;
const ESCAPES: Record<string, string> = {
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

/** a node name (id or label) as upright text, safe for any characters */
export function texName(name: string): string {
  if (/^[0-9]+$/.test(name)) return name;
  if (/^[A-Za-z]$/.test(name)) return name;
  return `\\text{${name.replace(TEX_SPECIALS, (c) => ESCAPES[c])}}`;
}
