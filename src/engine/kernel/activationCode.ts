// σ and σ' as wasm instructions, one activation chosen while emitting (no dispatch at run time),
// computed exactly as activation.ts does: e^x, e^x − 1, tanh and ln(1 + x) are the module's own copies of the engine's
// fdlibm functions (elementaryCode.ts), its first functions.

import { ACT_ELU, ACT_HARD_SIGMOID, ACT_LEAKY_RELU, ACT_LINEAR, ACT_RELU, ACT_SIGMOID, ACT_SOFTMAX, ACT_SOFTPLUS, ACT_TANH, LEAKY_SLOPE } from '../activation';
import { FN_EXP, FN_EXPM1, FN_LOG1P, FN_TANH } from './elementaryCode';
import { OP, type Code } from './wasmWriter';

/** local z = σ(local s); local dz = σ'(s) unless dz < 0 */
export function emitActivationOf(code: Code, act: number, s: number, z: number, dz: number): void {
  switch (act) {
    case ACT_SIGMOID: // 1 / (1 + e^−s); σ' = z(1 − z)
      code.f64c(1).f64c(1).get(s).op(OP.f64Neg).call(FN_EXP).op(OP.f64Add).op(OP.f64Div).set(z);
      if (dz >= 0) code.get(z).f64c(1).get(z).op(OP.f64Sub).op(OP.f64Mul).set(dz);
      break;
    case ACT_TANH: // tanh s; σ' = 1 − z²
      code.get(s).call(FN_TANH).set(z);
      if (dz >= 0) code.f64c(1).get(z).get(z).op(OP.f64Mul).op(OP.f64Sub).set(dz);
      break;
    case ACT_LINEAR:
      code.get(s).set(z);
      if (dz >= 0) code.f64c(1).set(dz);
      break;
    case ACT_RELU: // s > 0 ? s : 0; σ' = s > 0 ? 1 : 0
      code.get(s).f64c(0).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(z);
      if (dz >= 0) code.f64c(1).f64c(0).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(dz);
      break;
    case ACT_LEAKY_RELU: // s > 0 ? s : 0.01 s; σ' = s > 0 ? 1 : 0.01
      code.get(s).f64c(LEAKY_SLOPE).get(s).op(OP.f64Mul).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(z);
      if (dz >= 0) code.f64c(1).f64c(LEAKY_SLOPE).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(dz);
      break;
    case ACT_ELU: // s > 0 ? s : e^s − 1; σ' = s > 0 ? 1 : z + 1
      code.get(s).get(s).call(FN_EXPM1).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(z);
      if (dz >= 0) code.f64c(1).get(z).f64c(1).op(OP.f64Add).get(s).f64c(0).op(OP.f64Gt).op(OP.select).set(dz);
      break;
    case ACT_SOFTPLUS: // (s > 0 ? s : 0) + ln(1 + e^−|s|); σ' = 1 / (1 + e^−s)
      code.get(s).f64c(0).get(s).f64c(0).op(OP.f64Gt).op(OP.select);
      code.get(s).op(OP.f64Abs).op(OP.f64Neg).call(FN_EXP).call(FN_LOG1P).op(OP.f64Add).set(z);
      if (dz >= 0) code.f64c(1).f64c(1).get(s).op(OP.f64Neg).call(FN_EXP).op(OP.f64Add).op(OP.f64Div).set(dz);
      break;
    case ACT_HARD_SIGMOID: // t = 0.2 s + 0.5; σ' = 0 < t < 1 ? 0.2 : 0; z = t < 0 ? 0 : t > 1 ? 1 : t
      code.f64c(0.2).get(s).op(OP.f64Mul).f64c(0.5).op(OP.f64Add).set(z); // t, clipped below
      if (dz >= 0) code.f64c(0.2).f64c(0).get(z).f64c(0).op(OP.f64Gt).get(z).f64c(1).op(OP.f64Lt).op(OP.i32And).op(OP.select).set(dz);
      code.f64c(0).f64c(1).get(z).get(z).f64c(1).op(OP.f64Gt).op(OP.select).get(z).f64c(0).op(OP.f64Lt).op(OP.select).set(z);
      break;
    case ACT_SOFTMAX: // the placeholder z = s, σ' = z(1 − z), until the softmax of every output replaces them (lossCode.ts)
      code.get(s).set(z);
      if (dz >= 0) code.get(z).f64c(1).get(z).op(OP.f64Sub).op(OP.f64Mul).set(dz);
      break;
    default:
      throw new Error(`unknown activation code ${act}`);
  }
}
