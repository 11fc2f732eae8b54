// L1 and L2 regularisation (docs/graph-format.md, "Regularisation"): E_reg = E + λ Σ|w| or λ Σ w²
// over the regularised edges (not from a bias node, not frozen), and the penalty's gradient R(w).

import type { Regularization } from './format/types';
import type { Net } from './compile';

type Penalty = Pick<Regularization, 'kind' | 'rate'>;

/** sign(w), with sign(0) = 0 */
const sign = (w: number): number => (w > 0 ? 1 : w < 0 ? -1 : 0);

/** R(w) = λ · sign(w) (L1) or (2 · λ) · w (L2); 0 without a regulariser */
export function penaltyGradient(reg: Penalty, w: number): number {
  if (reg.kind === 'L1') return reg.rate * sign(w);
  if (reg.kind === 'L2') return 2 * reg.rate * w;
  return 0;
}

/** λ Σ |w| (L1) or λ Σ w² (L2) over the regularised edges, in edge order; E_reg = E + penalty */
export function penalty(net: Net, reg: Penalty | undefined): number {
  if (reg === undefined || reg.kind === 'none') return 0;
  let sum = 0;
  for (let e = 0; e < net.numEdges; e++) {
    if (net.regularized[e] === 0) continue;
    const w = net.weights[e];
    sum += reg.kind === 'L1' ? Math.abs(w) : w * w;
  }
  return reg.rate * sum;
}
