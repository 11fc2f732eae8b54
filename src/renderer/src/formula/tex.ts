import type { EdgeValues, NetValues, NodeValues } from './values';
import { texFactor, texNumber } from './texNumber';
import { updateBlocks } from './updateTex';
import { dEds, dEdw, dhds, h, liveWeight, manyOutputs, NUMBERS_PER_ROW, s, SYMBOLS_PER_ROW, steps, sub, sumRows, w, wrapped, yy, z, type FormulaBlock } from './texParts';
import { isSoftmax, softmaxDhdsBlock, softmaxPathBlocks } from './softmaxTex';

export type { FormulaBlock } from './texParts';

// The tutorial's formulas written for this topology, with the example in hand's numbers plugged
// in. Every block ends in the engine's own float64 value; `check` recomputes that value from the
// plugged-in (unrounded) numbers, so a test can prove the written arithmetic is the engine's.


/** `lhs = a = b = …`, one step per row */
const aligned = (lhs: string, rows: readonly string[]): string => steps(lhs, rows);

const ACTIVATION_TEX: Record<string, (x: string) => string> = {
  sigmoid: (x) => `\\sigma(${x})`,
  tanh: (x) => `\\tanh(${x})`,
  relu: (x) => `\\operatorname{relu}(${x})`,
  linear: (x) => x,
  leakyRelu: (x) => `\\operatorname{leakyrelu}(${x})`,
  elu: (x) => `\\operatorname{elu}(${x})`,
  softplus: (x) => `\\ln(1 + e^{${x}})`,
  hardSigmoid: (x) => `\\operatorname{hardsigmoid}(${x})`,
  softmax: (x) => `\\operatorname{softmax}(${x})`,
};

const DERIVATIVE_TEX: Record<string, (n: NodeValues) => { symbolic: string; plugged: string }> = {
  sigmoid: (n) => ({ symbolic: `${z(n)}\\,(1 - ${z(n)})`, plugged: `${texFactor(n.z)}\\,(1 - ${texFactor(n.z)})` }),
  tanh: (n) => ({ symbolic: `1 - ${z(n)}^2`, plugged: `1 - ${texFactor(n.z)}^2` }),
  relu: (n) => ({ symbolic: `[${s(n)} > 0]`, plugged: `[${texNumber(n.s ?? 0)} > 0]` }),
  linear: () => ({ symbolic: '1', plugged: '1' }),
  leakyRelu: (n) => ({ symbolic: `[${s(n)} > 0] + 0.01\\,[${s(n)} \\le 0]`, plugged: `[${texNumber(n.s ?? 0)} > 0] + 0.01\\,[${texNumber(n.s ?? 0)} \\le 0]` }),
  elu: (n) => ({ symbolic: `${s(n)} > 0 \\;?\\; 1 : ${z(n)} + 1`, plugged: `${texNumber(n.s ?? 0)} > 0 \\;?\\; 1 : ${texFactor(n.z)} + 1` }),
  softplus: (n) => ({ symbolic: `\\sigma(${s(n)})`, plugged: `\\sigma(${texNumber(n.s ?? 0)})` }),
  hardSigmoid: (n) => ({ symbolic: `0.2\\,[0 < 0.2\\,${s(n)} + 0.5 < 1]`, plugged: `0.2\\,[0 < 0.2 \\cdot ${texFactor(n.s ?? 0)} + 0.5 < 1]` }),
  softmax: (n) => ({ symbolic: `h\\,(1 - h)\\ \\text{(the Jacobian's diagonal)}`, plugged: `${texFactor(n.z)}\\,(1 - ${texFactor(n.z)})` }),
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
  if (isSoftmax(net)) return softmaxDhdsBlock(net, k, o);
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

/** cross-entropy: ∂E_i/∂s_o = h_o − y_o at an output (softmax: through the Jacobian, which collapses); σ'(s_k) · Σ_{k→m} w_{k→m} ∂E_i/∂s_m elsewhere */
function crossEntropyDEdsBlock(net: NetValues, k: NodeValues): FormulaBlock {
  const value = k.dEds ?? 0;
  const o = net.outputs.findIndex((out) => out.nodeId === k.id);
  if (o >= 0) {
    const out = net.outputs[o];
    const chain = isSoftmax(net) ? [`\\sum_m \\frac{\\partial E_i}{\\partial h_m}\\, \\frac{\\partial h_m}{\\partial ${s(k)}}`] : [];
    const tex = steps(dEds(k), [...chain, `${h(net, o)} - ${yy(net, o)}`, `${texNumber(out.h)} - ${texNumber(out.y)}`, texNumber(value)]);
    const note = isSoftmax(net)
      ? 'Softmax with cross-entropy at an output: Σ_m (−y_m/h_m)·h_m(δ_mo − h_o) collapses to h − y (the targets sum to 1).'
      : 'Cross-entropy at the output: ∂E/∂s = h − y (σ′ cancels).';
    return { quantity: 'dEds', tex, value, check: out.h - out.y, note };
  }
  const edges = k.outgoing.map((id) => net.edges[id]);
  const d = k.dsigma ?? 0;
  const sigma = `\\sigma'(${s(k)})`;
  const symbolic = edges.map((e) => `${w(net, e)}\\, ${dEds(net.nodes[e.target])}`);
  const plugged = edges.map((e) => `${texFactor(liveWeight(e))} \\cdot ${texFactor(net.nodes[e.target].dEds ?? 0)}`);
  const check = edges.reduce((acc, e) => acc + (net.nodes[e.target].dEds ?? 0) * liveWeight(e), 0) * d;
  const general = `${sigma} \\sum_{${sub(k)} \\to m} w_{${sub(k)} \\to m}\\, \\frac{\\partial E_i}{\\partial s_m}`;
  const tex = steps(dEds(k), [general, wrapped(sumRows(symbolic, 2), `${sigma}\\, `), wrapped(sumRows(plugged, NUMBERS_PER_ROW), `${texFactor(d)} \\cdot `), texNumber(value)]);
  return { quantity: 'dEds', tex, value, check };
}

/** ∂E_i/∂s_k = Σ_o 2 (h_o − y_o) ∂h_o/∂s_k (squared error); cross-entropy's form otherwise */
export function dEdsBlock(net: NetValues, k: NodeValues): FormulaBlock {
  if (net.loss === 'crossEntropy') return crossEntropyDEdsBlock(net, k);
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
    ...softmaxPathBlocks(net, k),
    ...net.outputs.map((_, o) => dhdsBlock(net, k, o)),
    dEdsBlock(net, k),
  ];
}

/**
 * the derivation of ∂E_i/∂w_{j→k} for this topology: the gradient (with the regulariser's term
 * and the update, when those are on: updateTex.ts), ∂E/∂s_k, and ∂h/∂s_k's recursion (squared
 * error; cross-entropy's ∂E/∂s needs none)
 */
export function edgeFormulas(net: NetValues, id: string): FormulaBlock[] {
  const e = net.edges[id];
  if (!e) return [];
  const k = net.nodes[e.target];
  const recursion = net.loss === 'crossEntropy' ? [] : net.outputs.map((_, o) => dhdsBlock(net, k, o));
  return [gradBlock(net, e), ...updateBlocks(net, e), dEdsBlock(net, k), ...recursion, derivativeBlock(k)];
}

/** y ln h, 0 where y = 0 (the limit, and no 0 · ln 0) */
const yLogH = (y: number, hv: number): number => (y === 0 ? 0 : y * Math.log(hv));

/** cross-entropy: E_i = −[y ln h + (1 − y) ln(1 − h)] (one sigmoid output) or −Σ_o y_o ln h_o (softmax) */
function crossEntropyErrorBlock(net: NetValues): FormulaBlock {
  if (net.outputs.length === 1) {
    const [out] = net.outputs;
    const tex = steps('E_i', [
      `-\\left[${yy(net, 0)} \\ln ${h(net, 0)} + (1 - ${yy(net, 0)}) \\ln(1 - ${h(net, 0)})\\right]`,
      `-\\left[${texFactor(out.y)} \\ln ${texFactor(out.h)} + (1 - ${texFactor(out.y)}) \\ln(1 - ${texFactor(out.h)})\\right]`,
      texNumber(net.error),
    ]);
    return { quantity: 'E', tex, value: net.error, check: -(yLogH(out.y, out.h) + yLogH(1 - out.y, 1 - out.h)) };
  }
  const symbolic = net.outputs.map((_, o) => `${yy(net, o)} \\ln ${h(net, o)}`);
  const plugged = net.outputs.map((out) => `${texFactor(out.y)} \\ln ${texFactor(out.h)}`);
  const rows = (terms: string[], per: number) => sumRows(terms, per).map((r, i, all) => `${i === 0 ? '-\\big(' : ''}${r}${i === all.length - 1 ? '\\big)' : ''}`);
  const tex = steps('E_i', [rows(symbolic, SYMBOLS_PER_ROW), rows(plugged, NUMBERS_PER_ROW), texNumber(net.error)]);
  return { quantity: 'E', tex, value: net.error, check: -net.outputs.reduce((acc, out) => acc + yLogH(out.y, out.h), 0) };
}

/** E_i = Σ_o (h_o − y_o)² (squared error); cross-entropy's form otherwise */
export function errorBlock(net: NetValues): FormulaBlock {
  if (net.loss === 'crossEntropy') return crossEntropyErrorBlock(net);
  const symbolic = net.outputs.map((_, o) => `(${h(net, o)} - ${yy(net, o)})^2`);
  const plugged = net.outputs.map((out) => `(${texNumber(out.h)} - ${texFactor(out.y)})^2`);
  const check = net.outputs.reduce((acc, out) => acc + (out.h - out.y) ** 2, 0);
  const tex = steps('E_i', [sumRows(symbolic), sumRows(plugged, NUMBERS_PER_ROW), texNumber(net.error)]);
  return { quantity: 'E', tex, value: net.error, check };
}
