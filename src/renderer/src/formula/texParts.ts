import type { EdgeValues, NetValues, NodeValues } from './values';
import { texName } from './texNumber';

// What every formula builder shares: the block a formula is, the names of weights and gradients,
// and the aligned "lhs = … = …" layout.

export interface FormulaBlock {
  /** what the block derives, e.g. "s_k" (for accessible names and tests) */
  quantity: string;
  /** KaTeX source: an aligned display */
  tex: string;
  /** the engine's value the block ends in */
  value: number;
  /** the same value recomputed from the plugged-in numbers */
  check: number;
  /** a plain-text remark shown under the formula */
  note?: string;
}

export const sub = (n: NodeValues) => texName(n.label);

/** terms per row: symbols are short, plugged-in numbers long (the side panel is ~340 px wide) */
export const SYMBOLS_PER_ROW = 3;
export const NUMBERS_PER_ROW = 2;

export const s = (n: NodeValues) => `s_{${sub(n)}}`;
export const z = (n: NodeValues) => `z_{${sub(n)}}`;
export const manyOutputs = (net: NetValues) => net.outputs.length > 1;
export const h = (net: NetValues, o: number) => (manyOutputs(net) ? `h_{${o}}` : 'h');
export const yy = (net: NetValues, o: number) => (manyOutputs(net) ? `y_{${o}}` : 'y');
export const dhds = (net: NetValues, o: number, n: NodeValues) => `\\frac{\\partial ${h(net, o)}}{\\partial ${s(n)}}`;
export const dEds = (n: NodeValues) => `\\frac{\\partial E_i}{\\partial ${s(n)}}`;

/** terms joined by " + ", broken into rows of a few terms each */
export function sumRows(terms: readonly string[], perRow = SYMBOLS_PER_ROW): string[] {
  if (terms.length === 0) return ['0'];
  const rows: string[] = [];
  for (let i = 0; i < terms.length; i += perRow) rows.push(terms.slice(i, i + perRow).join(' + '));
  return rows.map((r, i) => (i === 0 ? r : `\\quad + ${r}`));
}

export const w = (net: NetValues, e: EdgeValues) => `w_{${sub(net.nodes[e.source])} \\to ${sub(net.nodes[e.target])}}`;
export const dEdw = (net: NetValues, e: EdgeValues) => `\\frac{\\partial E_i}{\\partial ${w(net, e)}}`;

/** several "= …" steps, each of which may span rows (continued rows start with "\quad +") */
export function steps(lhs: string, parts: readonly (string | readonly string[])[]): string {
  const rows: string[] = [];
  for (const p of parts) {
    const lines = typeof p === 'string' ? [p] : p;
    lines.forEach((line, i) => rows.push(i === 0 ? `= ${line}` : line));
  }
  return `\\begin{aligned} ${lhs} &${rows.join(' \\\\ &')} \\end{aligned}`;
}

/** w̃: the weight an edge carries in both passes, 0 when it is switched off */
export const liveWeight = (e: EdgeValues): number => (e.off ? 0 : e.weight);

/** rows of a sum wrapped as `before\big( … \big)after` */
export function wrapped(rows: readonly string[], before: string, after = ''): string[] {
  return rows.map((r, i, all) => `${i === 0 ? `${before}\\big(` : ''}${r}${i === all.length - 1 ? `\\big)${after}` : ''}`);
}
