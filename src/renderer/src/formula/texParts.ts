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
