// σ and σ' as wasm instructions, one activation chosen while emitting (no dispatch at run time),
// computed exactly as activation.ts does: e^x and tanh are the module's own copies of the engine's
// fdlibm functions (elementaryCode.ts), its first functions.

import { ACT_LINEAR, ACT_RELU, ACT_SIGMOID, ACT_TANH } from '../activation';
import { FN_EXP, FN_TANH } from './elementaryCode';
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
    default:
      throw new Error(`unknown activation code ${act}`);
  }
}
