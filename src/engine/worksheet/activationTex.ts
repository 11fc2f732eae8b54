// Each activation σ and its derivative σ' written out in TeX: once with symbols (the formulas
// used, a blank row) and once with the numbers substituted (a filled row, the answer key).
// Softmax is not here: its h_o couples every output's s, written by lossRows.ts.

import type { Activation } from '../format/types';
import { texFactor, texNumber, texS, texZ } from './tex';

export type SheetActivation = Exclude<Activation, 'softmax'>;

interface ActivationTex {
  /** the name in the formula list, e.g. "\sigma(s)" */
  name: string;
  /** z = σ(s) with s given as TeX */
  value: (s: string) => string;
  /** σ'(s) in symbols of the neuron k */
  derivative: (k: string) => string;
  /** σ'(s) with the neuron's s and z substituted */
  derivativeWith: (s: number, z: number) => string;
}

const ifPositive = (s: string, then: string, otherwise: string) =>
  `\\begin{cases} ${then} & ${s} > 0 \\\\ ${otherwise} & \\text{otherwise} \\end{cases}`;

export const ACTIVATION_TEX: Readonly<Record<SheetActivation, ActivationTex>> = {
  sigmoid: {
    name: '\\sigma(s) = \\frac{1}{1 + e^{-s}}',
    value: (s) => `\\frac{1}{1 + e^{-${s.startsWith('-') ? `(${s})` : s}}}`,
    derivative: (k) => `${texZ(k)}\\,(1 - ${texZ(k)})`,
    derivativeWith: (_s, z) => `${texFactor(z)}\\,(1 - ${texFactor(z)})`,
  },
  tanh: {
    name: '\\tanh(s)',
    value: (s) => `\\tanh(${s})`,
    derivative: (k) => `1 - ${texZ(k)}^2`,
    derivativeWith: (_s, z) => `1 - ${texFactor(z)}^2`,
  },
  linear: {
    name: '\\sigma(s) = s',
    value: (s) => s,
    derivative: () => '1',
    derivativeWith: () => '1',
  },
  relu: {
    name: '\\operatorname{relu}(s) = \\max(0, s)',
    value: (s) => `\\max(0, ${s})`,
    derivative: (k) => ifPositive(texS(k), '1', '0'),
    derivativeWith: (s) => ifPositive(texNumber(s), '1', '0'),
  },
  leakyRelu: {
    name: '\\operatorname{leaky}(s) = \\max(0.01\\,s, s)',
    value: (s) => `\\max(0.01 \\cdot ${s}, ${s})`,
    derivative: (k) => ifPositive(texS(k), '1', '0.01'),
    derivativeWith: (s) => ifPositive(texNumber(s), '1', '0.01'),
  },
  elu: {
    name: '\\operatorname{elu}(s) = s \\text{ for } s > 0, \\text{ else } e^{s} - 1',
    value: (s) => `\\operatorname{elu}(${s})`,
    derivative: (k) => ifPositive(texS(k), '1', `${texZ(k)} + 1`),
    derivativeWith: (s, z) => ifPositive(texNumber(s), '1', `${texFactor(z)} + 1`),
  },
  softplus: {
    name: '\\operatorname{softplus}(s) = \\ln(1 + e^{s})',
    value: (s) => `\\ln(1 + e^{${s}})`,
    derivative: (k) => `\\frac{1}{1 + e^{-${texS(k)}}}`,
    derivativeWith: (s) => `\\frac{1}{1 + e^{-${texFactor(s)}}}`,
  },
  hardSigmoid: {
    name: '\\operatorname{hard}(s) = \\min(1, \\max(0, 0.2\\,s + 0.5))',
    value: (s) => `\\min(1, \\max(0, 0.2 \\cdot ${s} + 0.5))`,
    derivative: (k) => `\\begin{cases} 0.2 & 0 < 0.2\\,${texS(k)} + 0.5 < 1 \\\\ 0 & \\text{otherwise} \\end{cases}`,
    derivativeWith: (s) => `\\begin{cases} 0.2 & 0 < 0.2 \\cdot ${texFactor(s)} + 0.5 < 1 \\\\ 0 & \\text{otherwise} \\end{cases}`,
  },
};
