import type { Activation } from '../../../engine/format/types';

// Each activation's σ as graph-format.md ("Activations") writes it, for the pickers and the palette.

const SIGMA: Readonly<Record<Activation, string>> = {
  sigmoid: 'σ(s) = 1 / (1 + e⁻ˢ)',
  tanh: 'σ(s) = tanh s',
  linear: 'σ(s) = s',
  relu: 'σ(s) = max(0, s)',
  leakyRelu: 'σ(s) = s if s > 0, else 0.01·s',
  elu: 'σ(s) = s if s > 0, else eˢ − 1',
  softplus: 'σ(s) = ln(1 + eˢ)',
  hardSigmoid: 'σ(s) = min(1, max(0, 0.2·s + 0.5))',
  softmax: 'hₒ = e^sₒ / Σ e^s (outputs only, with cross-entropy)',
};

/** σ written out, e.g. "σ(s) = max(0, s)" */
export function activationFormula(activation: Activation): string {
  return SIGMA[activation];
}

/** a picker's option: the name and its σ, e.g. "relu — σ(s) = max(0, s)" */
export function activationOption(activation: Activation): string {
  return `${activation} — ${SIGMA[activation]}`;
}
