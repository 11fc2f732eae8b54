// The rows that depend on the loss (docs/graph-format.md, "Loss"): E_i as the squared error or
// cross-entropy (one sigmoid output, or softmax outputs), a softmax output's h_o, which couples
// every output's s, and ∂E_i/∂s_o = h_o − y_o at a cross-entropy output (no σ' there).

import type { NeuronReadout } from '../readout';
import { texFactor, texNumber, texS, texSum, texZ, texDEds } from './tex';
import { crossEntropy, softmaxOutputs, yTex, type Row, type Sheet } from './sheet';

/** E_i of the document's loss */
export function errorRow(sheet: Sheet): Row {
  if (!crossEntropy(sheet)) return squaredErrorRow(sheet);
  return softmaxOutputs(sheet) ? softmaxErrorRow(sheet) : binaryErrorRow(sheet);
}

const errorRowOf = (sheet: Sheet, formula: string, substituted: string, check: number): Row => ({
  key: 'E',
  kind: 'E',
  phase: 'forward',
  symbol: 'E_i',
  formula,
  substituted,
  value: sheet.readout.error,
  check,
});

/** E_i = Σ_o (h_o − y_o)², h_o = z of output neuron o */
function squaredErrorRow(sheet: Sheet): Row {
  const outs = sheet.readout.outputs;
  return errorRowOf(
    sheet,
    texSum(outs.map((o, i) => `(${texZ(sheet.name(o.nodeId))} - ${yTex(sheet, i)})^2`)),
    texSum(outs.map((o) => `(${texNumber(o.h)} - ${texFactor(o.y)})^2`)),
    outs.reduce((acc, o) => acc + (o.h - o.y) ** 2, 0),
  );
}

/** y ln h with the convention 0 · ln 0 = 0 */
const yLn = (y: number, h: number): number => (y === 0 ? 0 : y * Math.log(h));

/** E_i = −[y ln h + (1 − y) ln(1 − h)], one sigmoid output */
function binaryErrorRow(sheet: Sheet): Row {
  const out = sheet.readout.outputs[0];
  const h = texZ(sheet.name(out.nodeId));
  return errorRowOf(
    sheet,
    `-\\big[y \\ln ${h} + (1 - y) \\ln(1 - ${h})\\big]`,
    `-\\big[${texFactor(out.y)} \\ln ${texNumber(out.h)} + (1 - ${texFactor(out.y)}) \\ln(1 - ${texNumber(out.h)})\\big]`,
    -(yLn(out.y, out.h) + yLn(1 - out.y, 1 - out.h)),
  );
}

/** E_i = −Σ_o y_o ln h_o, softmax outputs */
function softmaxErrorRow(sheet: Sheet): Row {
  const outs = sheet.readout.outputs;
  return errorRowOf(
    sheet,
    `-\\big(${texSum(outs.map((o, i) => `${yTex(sheet, i)} \\ln ${texZ(sheet.name(o.nodeId))}`))}\\big)`,
    `-\\big(${texSum(outs.map((o) => `${texFactor(o.y)} \\ln ${texNumber(o.h)}`))}\\big)`,
    -outs.reduce((acc, o) => acc + yLn(o.y, o.h), 0),
  );
}

/** h_o = z_o = e^{s_o} / Σ_m e^{s_m}: every output's s enters each output's h */
export function softmaxRow(sheet: Sheet, k: NeuronReadout): Row {
  const outs = sheet.readout.outputs;
  const s = (id: string) => (sheet.nodes[id] as NeuronReadout).s;
  const power = (v: string) => `e^{${v}}`;
  return {
    key: `z:${k.id}`,
    kind: 'z',
    phase: 'forward',
    symbol: texZ(sheet.name(k.id)),
    formula: `\\dfrac{${power(texS(sheet.name(k.id)))}}{${texSum(outs.map((o) => power(texS(sheet.name(o.nodeId)))))}}`,
    substituted: `\\dfrac{${power(texNumber(k.s))}}{${texSum(outs.map((o) => power(texNumber(s(o.nodeId)))))}}`,
    value: k.z,
    check: Math.exp(k.s) / outs.reduce((acc, o) => acc + Math.exp(s(o.nodeId)), 0),
  };
}

/** ∂E_i/∂s_o = h_o − y_o at a cross-entropy output (for softmax through Σ_o y_o = 1) */
export function outputDeltaRow(sheet: Sheet, k: NeuronReadout, o: number): Row {
  const name = sheet.name(k.id);
  return {
    key: `dEds:${k.id}`,
    kind: 'dEds',
    phase: 'backward',
    symbol: texDEds(name),
    formula: `${texZ(name)} - ${yTex(sheet, o)}`,
    substituted: `${texNumber(k.z)} - ${texFactor(sheet.y[o])}`,
    value: k.dEds,
    check: k.z - sheet.y[o],
  };
}
