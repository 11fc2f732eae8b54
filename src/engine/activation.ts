// σ and σ' for each activation, numbered for the compiled net's Int8Array.

import type { Activation } from './format/types';
import { exp, tanh } from './elementary';

export const ACT_SIGMOID = 0;
export const ACT_TANH = 1;
export const ACT_LINEAR = 2;
export const ACT_RELU = 3;

export const ACTIVATION_CODE: Readonly<Record<Activation, number>> = {
  sigmoid: ACT_SIGMOID,
  tanh: ACT_TANH,
  linear: ACT_LINEAR,
  relu: ACT_RELU,
};

/** σ(s) */
export function activate(act: number, s: number): number {
  switch (act) {
    case ACT_SIGMOID:
      return 1 / (1 + exp(-s)); // σ(s) = 1 / (1 + e^−s), fdlibm's exp: the same bits in every runtime
    case ACT_TANH:
      return tanh(s); // fdlibm's tanh: the same bits in every runtime
    case ACT_LINEAR:
      return s;
    default:
      return s > 0 ? s : 0; // relu
  }
}

/** σ'(s), given z = σ(s) */
export function activateDerivative(act: number, s: number, z: number): number {
  switch (act) {
    case ACT_SIGMOID:
      return z * (1 - z); // σ' = σ(1 − σ)
    case ACT_TANH:
      return 1 - z * z; // tanh' = 1 − tanh²
    case ACT_LINEAR:
      return 1;
    default:
      return s > 0 ? 1 : 0; // relu' = 1 for s > 0, else 0
  }
}

/** the value separating "low" from "high" outputs: sigmoid 0.5, tanh 0, linear 0, relu 0.5 */
export function midpoint(act: number): number {
  return act === ACT_SIGMOID || act === ACT_RELU ? 0.5 : 0;
}
