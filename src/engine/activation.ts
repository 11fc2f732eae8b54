// σ and σ' for each activation (docs/graph-format.md, "Activations"), numbered for the compiled
// net's Int8Array. Every transcendental goes through src/engine/elementary, so the kernel can
// compute the same bits.

import type { Activation } from './format/types';
import { exp, expm1, log1p, tanh } from './elementary';

export const ACT_SIGMOID = 0;
export const ACT_TANH = 1;
export const ACT_LINEAR = 2;
export const ACT_RELU = 3;
export const ACT_LEAKY_RELU = 4;
export const ACT_ELU = 5;
export const ACT_SOFTPLUS = 6;
export const ACT_HARD_SIGMOID = 7;
/** h_o = e^{s_o} / Σ_m e^{s_m} over the output neurons: computed for all outputs at once (softmax.ts) */
export const ACT_SOFTMAX = 8;

export const ACTIVATION_CODE: Readonly<Record<Activation, number>> = {
  sigmoid: ACT_SIGMOID,
  tanh: ACT_TANH,
  linear: ACT_LINEAR,
  relu: ACT_RELU,
  leakyRelu: ACT_LEAKY_RELU,
  elu: ACT_ELU,
  softplus: ACT_SOFTPLUS,
  hardSigmoid: ACT_HARD_SIGMOID,
  softmax: ACT_SOFTMAX,
};

/** leaky ReLU's slope for s ≤ 0 */
export const LEAKY_SLOPE = 0.01;

/** 1 / (1 + e^−s), fdlibm's exp: the same bits in every runtime */
export function sigmoid(s: number): number {
  return 1 / (1 + exp(-s));
}

/** ln(1 + e^s) = max(s, 0) + log1p(e^−|s|): never overflows, keeps its bits for s ≪ 0 */
export function softplus(s: number): number {
  return (s > 0 ? s : 0) + log1p(exp(-Math.abs(s)));
}

/** t = 0.2 s + 0.5, the hard sigmoid's line before it is clipped to [0, 1] */
const hardLine = (s: number): number => 0.2 * s + 0.5;

/** σ(s); for softmax the placeholder s (forward replaces it by the softmax of all outputs) */
export function activate(act: number, s: number): number {
  switch (act) {
    case ACT_SIGMOID:
      return sigmoid(s);
    case ACT_TANH:
      return tanh(s); // fdlibm's tanh: the same bits in every runtime
    case ACT_LINEAR:
    case ACT_SOFTMAX:
      return s;
    case ACT_RELU:
      return s > 0 ? s : 0;
    case ACT_LEAKY_RELU:
      return s > 0 ? s : LEAKY_SLOPE * s;
    case ACT_ELU:
      return s > 0 ? s : expm1(s); // α = 1: e^s − 1 for s ≤ 0
    case ACT_SOFTPLUS:
      return softplus(s);
    default: {
      const t = hardLine(s); // hard sigmoid: max(0, min(1, 0.2 s + 0.5))
      return t < 0 ? 0 : t > 1 ? 1 : t;
    }
  }
}

/** σ'(s), given z = σ(s); at a kink the left-hand slope (relu 0, leaky relu 0.01, hard sigmoid 0) */
export function activateDerivative(act: number, s: number, z: number): number {
  switch (act) {
    case ACT_SIGMOID:
      return z * (1 - z); // σ' = σ(1 − σ)
    case ACT_TANH:
      return 1 - z * z; // tanh' = 1 − tanh²
    case ACT_LINEAR:
      return 1;
    case ACT_RELU:
      return s > 0 ? 1 : 0; // relu' = 1 for s > 0, else 0
    case ACT_LEAKY_RELU:
      return s > 0 ? 1 : LEAKY_SLOPE;
    case ACT_ELU:
      return s > 0 ? 1 : z + 1; // elu' = e^s = z + 1 for s ≤ 0
    case ACT_SOFTPLUS:
      return sigmoid(s); // softplus' = 1 / (1 + e^−s)
    case ACT_SOFTMAX:
      return z * (1 - z); // the Jacobian's diagonal ∂h_o/∂s_o = h_o(1 − h_o) (softmax.ts)
    default: {
      const t = hardLine(s);
      return t > 0 && t < 1 ? 0.2 : 0; // hard sigmoid' = 0.2 inside the ramp, 0 on the flats and kinks
    }
  }
}

/** the class "low" target of an activation's single output: 0, or −1 for tanh, linear and elu */
export function lowTarget(act: number): number {
  return act === ACT_TANH || act === ACT_LINEAR || act === ACT_ELU ? -1 : 0;
}

/** the value separating "low" from "high" outputs: halfway between the low target and 1 (0.5 or 0) */
export function midpoint(act: number): number {
  return lowTarget(act) === 0 ? 0.5 : 0;
}
