// σ on both lanes of f64x2 values (the two-lane map pass): each lane the double the scalar
// activationCode.ts computes.

import { ACT_LINEAR, ACT_RELU, ACT_SIGMOID, ACT_TANH } from '../../activation';
import { SIMD, type Code } from '../wasmWriter';
import { emitExpPairs, emitTanhPairs, pairConstant, type PairLocals } from './elementaryPairCode';

/** the activations the two-lane code computes (a net with another one maps with the scalar nodeValues) */
export const PAIR_ACTIVATIONS: ReadonlySet<number> = new Set([ACT_SIGMOID, ACT_TANH, ACT_LINEAR, ACT_RELU]);

/** every neuron's activation has two-lane code */
export function pairsComputeEvery(act: Int8Array, isNeuron: (k: number) => boolean): boolean {
  for (let k = 0; k < act.length; k++) if (isNeuron(k) && !PAIR_ACTIVATIONS.has(act[k])) return false;
  return true;
}

/** v128 locals emitActivationPairsOf may use: exp's and tanh's (set up), and a scratch per way */
export interface PairFrame {
  elementary: PairLocals;
  scratch: number[];
}

/**
 * v128 locals zs[u] = σ(ss[u]) lane by lane, each lane the double emitActivationOf computes: the
 * arithmetic in f64x2 (lane-wise IEEE, the same operations), e^x and tanh inline
 * (elementaryPairCode.ts: lanes they cannot do clear frame.elementary.ok). The ways are
 * independent; each step is emitted for all of them.
 */
export function emitActivationPairsOf(code: Code, act: number, ss: number[], zs: number[], frame: PairFrame): void {
  const each = (step: (s: number, z: number, u: number) => void) => ss.forEach((s, u) => step(s, zs[u], u));
  switch (act) {
    case ACT_SIGMOID: // 1 / (1 + e^−s)
      each((s, _z, u) => code.get(s).simd(SIMD.f64x2Neg).set(frame.scratch[u]));
      emitExpPairs(code, frame.scratch, zs, frame.elementary);
      each((_s, z) => {
        pairConstant(code, frame.elementary, 1);
        pairConstant(code, frame.elementary, 1).get(z).simd(SIMD.f64x2Add).simd(SIMD.f64x2Div).set(z);
      });
      break;
    case ACT_TANH:
      emitTanhPairs(code, ss, zs, frame.elementary);
      break;
    case ACT_LINEAR:
      each((s, z) => code.get(s).set(z));
      break;
    case ACT_RELU: // s > 0 ? s : +0: the bits of s under the mask (s > 0)
      each((s, z) => code.get(s).get(s).zeroV().simd(SIMD.f64x2Gt).simd(SIMD.v128And).set(z));
      break;
    default:
      throw new Error(`unknown activation code ${act}`);
  }
}
