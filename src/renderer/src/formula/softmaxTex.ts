import { texFactor, texNumber } from './texNumber';
import { dhds, h, liveWeight, NUMBERS_PER_ROW, s, steps, sub, sumRows, w, wrapped, type FormulaBlock } from './texParts';
import type { NetValues, NodeValues } from './values';

// Softmax outputs (docs/graph-format.md, "Backward pass"): h_o depends on every output's s, so
// ∂h_o/∂s goes through the Jacobian. At an output m, ∂h_o/∂s_m = h_o (δ_om − h_m); at any other
// neuron k, ∂h_o/∂s_k = Σ_m ∂h_o/∂s_m · ∂s_m/∂s_k over the outputs m, where
// ∂s_m/∂s_k = σ'(s_k) · Σ_{k→n} ∂s_m/∂s_n w_{k→n}. Written in the engine's order of operations
// (softmax.ts, pass.ts), so each block's check is its value bit for bit.

export const isSoftmax = (net: NetValues): boolean => net.softmax === true;

/** h_o (δ_om − h_m), as softmaxJacobian computes it */
function jacobian(net: NetValues, o: number, m: number): number {
  const ho = net.outputs[o].h;
  return ho * ((o === m ? 1 : 0) - net.outputs[m].h);
}

const outputNode = (net: NetValues, m: number): NodeValues => net.nodes[net.outputs[m].nodeId];
const dsdsTex = (net: NetValues, m: number, k: NodeValues) => `\\frac{\\partial ${s(outputNode(net, m))}}{\\partial ${s(k)}}`;
const outputIndex = (net: NetValues, k: NodeValues): number => net.outputs.findIndex((out) => out.nodeId === k.id);

const JACOBIAN_NOTE = 'Softmax: each h depends on every output’s s, so ∂h_o/∂s_m = h_o(δ_om − h_m), not just σ′.';

/** at output m: ∂h_o/∂s_m = h_o (1 − h_o) when m = o, else −h_o h_m */
function jacobianBlock(net: NetValues, k: NodeValues, o: number, m: number): FormulaBlock {
  const value = k.dhds?.[o] ?? 0;
  const ho = net.outputs[o].h;
  const hm = net.outputs[m].h;
  const rows = o === m
    ? [`${h(net, o)}\\,(1 - ${h(net, o)})`, `${texFactor(ho)}\\,(1 - ${texFactor(ho)})`]
    : [`-${h(net, o)}\\, ${h(net, m)}`, `-${texFactor(ho)} \\cdot ${texFactor(hm)}`];
  const tex = steps(dhds(net, o, k), [`${h(net, o)}\\,(\\delta_{${o}${m}} - ${h(net, m)})`, ...rows, texNumber(value)]);
  return { quantity: 'dhds', tex, value, check: jacobian(net, o, m), note: JACOBIAN_NOTE };
}

/** ∂h_o/∂s_k: the Jacobian at an output, else Σ_m ∂h_o/∂s_m · ∂s_m/∂s_k */
export function softmaxDhdsBlock(net: NetValues, k: NodeValues, o: number): FormulaBlock {
  const m = outputIndex(net, k);
  if (m >= 0) return jacobianBlock(net, k, o, m);
  const value = k.dhds?.[o] ?? 0;
  const paths = k.dsds ?? [];
  const outputs = net.outputs.map((_, i) => i);
  const symbolic = outputs.map((i) => `${dhds(net, o, outputNode(net, i))}\\, ${dsdsTex(net, i, k)}`);
  const plugged = outputs.map((i) => `${texFactor(jacobian(net, o, i))} \\cdot ${texFactor(paths[i] ?? 0)}`);
  const check = outputs.reduce((acc, i) => acc + jacobian(net, o, i) * (paths[i] ?? 0), 0);
  const general = `\\sum_m \\frac{\\partial ${h(net, o)}}{\\partial s_m}\\, \\frac{\\partial s_m}{\\partial ${s(k)}}`;
  const tex = steps(dhds(net, o, k), [general, sumRows(symbolic, 2), sumRows(plugged, NUMBERS_PER_ROW), texNumber(value)]);
  return { quantity: 'dhds', tex, value, check, note: 'Softmax: the paths into every output m, each weighed by the Jacobian ∂h_o/∂s_m = h_o(δ_om − h_m).' };
}

/** ∂s_m/∂s_k = σ'(s_k) · Σ_{k→n} ∂s_m/∂s_n w_{k→n} (1 at s_m itself, 0 at the other outputs) */
function pathBlock(net: NetValues, k: NodeValues, m: number): FormulaBlock {
  const value = k.dsds?.[m] ?? 0;
  const edges = k.outgoing.map((id) => net.edges[id]);
  const d = k.dsigma ?? 0;
  const of = (n: NodeValues) => n.dsds?.[m] ?? 0;
  const symbolic = edges.map((e) => `${dsdsTex(net, m, net.nodes[e.target])}\\, ${w(net, e)}`);
  const plugged = edges.map((e) => `${texFactor(of(net.nodes[e.target]))} \\cdot ${texFactor(liveWeight(e))}`);
  const check = edges.reduce((acc, e) => acc + of(net.nodes[e.target]) * liveWeight(e), 0) * d;
  const sigma = `\\sigma'(${s(k)})`;
  const general = `${sigma} \\sum_{${sub(k)} \\to n} \\frac{\\partial ${s(outputNode(net, m))}}{\\partial s_n}\\, w_{${sub(k)} \\to n}`;
  const tex = steps(dsdsTex(net, m, k), [general, wrapped(sumRows(symbolic, 2), `${sigma}\\, `), wrapped(sumRows(plugged, NUMBERS_PER_ROW), `${texFactor(d)} \\cdot `), texNumber(value)]);
  return { quantity: 'dsds', tex, value, check };
}

/** a hidden neuron's paths into each softmax output (none at an output itself) */
export function softmaxPathBlocks(net: NetValues, k: NodeValues): FormulaBlock[] {
  if (!isSoftmax(net) || k.type !== 'neuron' || outputIndex(net, k) >= 0) return [];
  return net.outputs.map((_, m) => pathBlock(net, k, m));
}
