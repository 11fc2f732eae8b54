import type { EdgeValues, NetValues, NodeValues } from './values';
import { texFactor, texName, texNumber } from './texNumber';

// The tutorial's formulas written for this topology, with the example in hand's numbers plugged
// in. Every block ends in the engine's own float64 value; `check` recomputes that value from the
// plugged-in (unrounded) numbers, so a test can prove the written arithmetic is the engine's.

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

/** terms per row: symbols are short, plugged-in numbers long (the side panel is ~340 px wide) */
const SYMBOLS_PER_ROW = 3;
const NUMBERS_PER_ROW = 2;

const sub = (n: NodeValues) => texName(n.label);
const s = (n: NodeValues) => `s_{${sub(n)}}`;
const z = (n: NodeValues) => `z_{${sub(n)}}`;
const w = (net: NetValues, e: EdgeValues) => `w_{${sub(net.nodes[e.source])} \\to ${sub(net.nodes[e.target])}}`;
const manyOutputs = (net: NetValues) => net.outputs.length > 1;
const h = (net: NetValues, o: number) => (manyOutputs(net) ? `h_{${o}}` : 'h');
const yy = (net: NetValues, o: number) => (manyOutputs(net) ? `y_{${o}}` : 'y');
const dhds = (net: NetValues, o: number, n: NodeValues) => `\\frac{\\partial ${h(net, o)}}{\\partial ${s(n)}}`;
const dEds = (n: NodeValues) => `\\frac{\\partial E_i}{\\partial ${s(n)}}`;
const dEdw = (net: NetValues, e: EdgeValues) => `\\frac{\\partial E_i}{\\partial ${w(net, e)}}`;

/** terms joined by " + ", broken into rows of a few terms each */
function sumRows(terms: readonly string[], perRow = SYMBOLS_PER_ROW): string[] {
  if (terms.length === 0) return ['0'];
  const rows: string[] = [];
  for (let i = 0; i < terms.length; i += perRow) rows.push(terms.slice(i, i + perRow).join(' + '));
  return rows.map((r, i) => (i === 0 ? r : `\\quad + ${r}`));
}

/** several "= …" steps, each of which may span rows (continued rows start with "\quad +") */
function steps(lhs: string, parts: readonly (string | readonly string[])[]): string {
  const rows: string[] = [];
  for (const p of parts) {
    const lines = typeof p === 'string' ? [p] : p;
    lines.forEach((line, i) => rows.push(i === 0 ? `= ${line}` : line));
  }
  return `\\begin{aligned} ${lhs} &${rows.join(' \\\\ &')} \\end{aligned}`;
}

/** `lhs = a = b = …`, one step per row */
const aligned = (lhs: string, rows: readonly string[]): string => steps(lhs, rows);

const ACTIVATION_TEX: Record<string, (x: string) => string> = {
  sigmoid: (x) => `\\sigma(${x})`,
  tanh: (x) => `\\tanh(${x})`,
  relu: (x) => `\\operatorname{relu}(${x})`,
  linear: (x) => x,
};

const DERIVATIVE_TEX: Record<string, (n: NodeValues) => { symbolic: string; plugged: string }> = {
  sigmoid: (n) => ({ symbolic: `${z(n)}\\,(1 - ${z(n)})`, plugged: `${texFactor(n.z)}\\,(1 - ${texFactor(n.z)})` }),
  tanh: (n) => ({ symbolic: `1 - ${z(n)}^2`, plugged: `1 - ${texFactor(n.z)}^2` }),
  relu: (n) => ({ symbolic: `[${s(n)} > 0]`, plugged: `[${texNumber(n.s ?? 0)} > 0]` }),
  linear: () => ({ symbolic: '1', plugged: '1' }),
};

/** s_k = Σ_j z_j w_{j→k}, term by term, with numbers */
export function sumBlock(net: NetValues, k: NodeValues): FormulaBlock {
  const edges = k.incoming.map((id) => net.edges[id]);
  const symbolic = edges.map((e) => `${z(net.nodes[e.source])}\\, ${w(net, e)}`);
  const plugged = edges.map((e) => `${texFactor(net.nodes[e.source].z)} \\cdot ${texFactor(e.weight)}`);
  const value = k.s ?? 0;
  const check = edges.reduce((acc, e) => acc + net.nodes[e.source].z * e.weight, 0);
  const tex = steps(s(k), [
    `\\sum_{j \\to ${sub(k)}} z_j\\, w_{j \\to ${sub(k)}}`,
    sumRows(symbolic),
    sumRows(plugged, NUMBERS_PER_ROW),
    texNumber(value),
  ]);
  return { quantity: 's', tex, value, check };
}

/** z_k = σ(s_k) */
export function activationBlock(k: NodeValues): FormulaBlock {
  const f = ACTIVATION_TEX[k.activation ?? 'linear'];
  const tex = aligned(z(k), [f(s(k)), f(texNumber(k.s ?? 0)), texNumber(k.z)]);
  return { quantity: 'z', tex, value: k.z, check: k.z };
}

/** σ'(s_k) written through z_k (sigmoid, tanh) or s_k (relu) */
export function derivativeBlock(k: NodeValues): FormulaBlock {
  const d = DERIVATIVE_TEX[k.activation ?? 'linear'](k);
  const value = k.dsigma ?? 0;
  const tex = aligned(`\\sigma'(${s(k)})`, [d.symbolic, d.plugged, texNumber(value)]);
  return { quantity: 'dsigma', tex, value, check: value };
}

/** the recursion for ∂h_o/∂s_k: σ'(s_o) at the output itself, else the sum over k's successors */
export function dhdsBlock(net: NetValues, k: NodeValues, o: number): FormulaBlock {
  const value = k.dhds?.[o] ?? 0;
  const out = net.outputs[o];
  const lhs = dhds(net, o, k);
  if (out && out.nodeId === k.id) {
    return { quantity: 'dhds', tex: aligned(lhs, [`\\sigma'(${s(k)})`, texNumber(value)]), value, check: k.dsigma ?? 0 };
  }
  const edges = k.outgoing.map((id) => net.edges[id]);
  if (edges.length === 0) {
    const note = 'No edge leaves this neuron, so no path leads from it to the output.';
    return { quantity: 'dhds', tex: aligned(lhs, [texNumber(value)]), value, check: 0, note };
  }
  const d = k.dsigma ?? 0;
  const symbolic = edges.map((e) => `${dhds(net, o, net.nodes[e.target])}\\, ${w(net, e)}\\, \\sigma'(${s(k)})`);
  const plugged = edges.map(
    (e) => `${texFactor(net.nodes[e.target].dhds?.[o] ?? 0)} \\cdot ${texFactor(e.weight)} \\cdot ${texFactor(d)}`,
  );
  const check = edges.reduce((acc, e) => acc + (net.nodes[e.target].dhds?.[o] ?? 0) * e.weight * d, 0);
  const tex = steps(lhs, [
    `\\sum_{${sub(k)} \\to m} \\frac{\\partial ${h(net, o)}}{\\partial s_m}\\, w_{${sub(k)} \\to m}\\, \\sigma'(${s(k)})`,
    sumRows(symbolic),
    sumRows(plugged, NUMBERS_PER_ROW),
    texNumber(value),
  ]);
  return { quantity: 'dhds', tex, value, check };
}

/** ∂E_i/∂s_k = Σ_o 2 (h_o − y_o) ∂h_o/∂s_k */
export function dEdsBlock(net: NetValues, k: NodeValues): FormulaBlock {
  const value = k.dEds ?? 0;
  const symbolic = net.outputs.map((_, o) => `2\\,(${h(net, o)} - ${yy(net, o)})\\, ${dhds(net, o, k)}`);
  const plugged = net.outputs.map(
    (out, o) => `2\\,(${texNumber(out.h)} - ${texNumber(out.y)}) \\cdot ${texFactor(k.dhds?.[o] ?? 0)}`,
  );
  const check = net.outputs.reduce((acc, out, o) => acc + 2 * (out.h - out.y) * (k.dhds?.[o] ?? 0), 0);
  const general = manyOutputs(net)
    ? [`\\sum_o 2\\,(h_o - y_o)\\, \\frac{\\partial h_o}{\\partial ${s(k)}}`]
    : [];
  const tex = steps(dEds(k), [...general, sumRows(symbolic), sumRows(plugged, NUMBERS_PER_ROW), texNumber(value)]);
  return { quantity: 'dEds', tex, value, check };
}

/** ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j */
export function gradBlock(net: NetValues, e: EdgeValues): FormulaBlock {
  const j = net.nodes[e.source];
  const k = net.nodes[e.target];
  const value = e.grad;
  const tex = steps(dEdw(net, e), [
    `${dEds(k)}\\, \\frac{\\partial ${s(k)}}{\\partial ${w(net, e)}}`,
    `${dEds(k)}\\, ${z(j)}`,
    `${texFactor(k.dEds ?? 0)} \\cdot ${texFactor(j.z)}`,
    texNumber(value),
  ]);
  return { quantity: 'grad', tex, value, check: (k.dEds ?? 0) * j.z };
}

/** everything about neuron k: its sum, its activation, σ', the recursion for each output, ∂E/∂s */
export function neuronFormulas(net: NetValues, id: string): FormulaBlock[] {
  const k = net.nodes[id];
  if (!k) return [];
  if (k.type === 'bias') return [{ quantity: 'z', tex: aligned(z(k), [texNumber(k.z)]), value: k.z, check: 1 }];
  if (k.type === 'input') {
    const tex = aligned(z(k), [`x_{${k.feature ?? 0}}`, texNumber(k.z)]);
    return [{ quantity: 'z', tex, value: k.z, check: k.z }];
  }
  return [
    sumBlock(net, k),
    activationBlock(k),
    derivativeBlock(k),
    ...net.outputs.map((_, o) => dhdsBlock(net, k, o)),
    dEdsBlock(net, k),
  ];
}

/** the derivation of ∂E_i/∂w_{j→k} for this topology: the gradient, ∂E/∂s_k, and ∂h/∂s_k's recursion */
export function edgeFormulas(net: NetValues, id: string): FormulaBlock[] {
  const e = net.edges[id];
  if (!e) return [];
  const k = net.nodes[e.target];
  return [gradBlock(net, e), dEdsBlock(net, k), ...net.outputs.map((_, o) => dhdsBlock(net, k, o)), derivativeBlock(k)];
}

/** E_i = Σ_o (h_o − y_o)² */
export function errorBlock(net: NetValues): FormulaBlock {
  const symbolic = net.outputs.map((_, o) => `(${h(net, o)} - ${yy(net, o)})^2`);
  const plugged = net.outputs.map((out) => `(${texNumber(out.h)} - ${texFactor(out.y)})^2`);
  const check = net.outputs.reduce((acc, out) => acc + (out.h - out.y) ** 2, 0);
  const tex = steps('E_i', [sumRows(symbolic), sumRows(plugged, NUMBERS_PER_ROW), texNumber(net.error)]);
  return { quantity: 'E', tex, value: net.error, check };
}
