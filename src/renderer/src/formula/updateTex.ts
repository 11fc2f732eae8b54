import type { EdgeValues, NetValues } from './values';
import { dEdw, steps, w, type FormulaBlock } from './texParts';
import { texFactor, texNumber } from './texNumber';

// The update of one weight beyond the tutorial's w ← w − η ∂E/∂w, written with this example's
// numbers as a batch of one (docs/graph-format.md, "Regularisation" and "Update"): the
// regulariser's term g = ∂E/∂w + λ sign w (L1) or + 2λw (L2), bias edges excepted; and
// heavy-ball momentum v ← βv + g, w ← w − ηv. Shown only when a regulariser or momentum is on.

/** ∂E_reg/∂w: the gradient plus R(w) = λ sign(w) (L1) or 2λw (L2); R = 0 on a bias or frozen edge */
export function regularizedBlock(net: NetValues, e: EdgeValues): FormulaBlock | null {
  const reg = net.update?.regularization;
  if (!reg || reg.kind === 'none') return null;
  const lhs = `\\frac{\\partial E_{\\text{reg}}}{\\partial ${w(net, e)}}`;
  if (!e.regularized) {
    const note = 'A bias edge (or a switched-off one) is not regularised: its gradient is ∂E/∂w alone.';
    return { quantity: 'gradReg', tex: steps(lhs, [dEdw(net, e), texNumber(e.grad)]), value: e.grad, check: e.grad, note };
  }
  const l1 = reg.kind === 'L1';
  const sign = e.weight > 0 ? 1 : e.weight < 0 ? -1 : 0;
  const penalty = l1 ? reg.rate * sign : 2 * reg.rate * e.weight;
  const value = e.grad + penalty;
  const term = l1 ? `\\lambda \\operatorname{sign}(${w(net, e)})` : `2\\lambda\\, ${w(net, e)}`;
  const plugged = l1 ? `${texFactor(reg.rate)} \\cdot ${sign}` : `2 \\cdot ${texFactor(reg.rate)} \\cdot ${texFactor(e.weight)}`;
  const tex = steps(lhs, [`${dEdw(net, e)} + ${term}`, `${texFactor(e.grad)} + ${plugged}`, texNumber(value)]);
  const note = 'The penalty’s gradient is added once per update, to the batch’s summed gradient.';
  return { quantity: 'gradReg', tex, value, check: e.grad + (l1 ? reg.rate * sign : 2 * reg.rate * e.weight), note };
}

/** g: the gradient an update of this example alone steps along (with the regulariser's term when on) */
function stepGradient(net: NetValues, e: EdgeValues): { value: number; tex: string } {
  const reg = regularizedBlock(net, e);
  return reg ? { value: reg.value, tex: 'g' } : { value: e.grad, tex: dEdw(net, e) };
}

/** v ← βv + g, then w ← w − ηv (momentum); w ← w − η g otherwise */
export function updateBlocksOf(net: NetValues, e: EdgeValues): FormulaBlock[] {
  const u = net.update;
  if (!u) return [];
  const g = stepGradient(net, e);
  const wt = w(net, e);
  if (e.frozen) {
    const tex = steps(`${wt}'`, [wt, texNumber(e.weight)]);
    return [{ quantity: 'update', tex, value: e.weight, check: e.weight, note: 'A switched-off edge is not updated.' }];
  }
  const eta = u.learningRate;
  if (u.momentum > 0) {
    const v = e.velocity ?? 0;
    const nextV = u.momentum * v + g.value;
    const nextW = e.weight - eta * nextV;
    const velocity: FormulaBlock = {
      quantity: 'velocity',
      tex: steps(`v'`, [`\\beta\\, v + ${g.tex}`, `${texFactor(u.momentum)} \\cdot ${texFactor(v)} + ${texFactor(g.value)}`, texNumber(nextV)]),
      value: nextV,
      check: u.momentum * v + g.value,
      note: 'Momentum (heavy ball): v is kept with the document, so training resumes exactly.',
    };
    const update: FormulaBlock = {
      quantity: 'update',
      tex: steps(`${wt}'`, [`${wt} - \\eta\\, v'`, `${texFactor(e.weight)} - ${texFactor(eta)} \\cdot ${texFactor(nextV)}`, texNumber(nextW)]),
      value: nextW,
      check: e.weight - eta * nextV,
    };
    return [velocity, update];
  }
  const nextW = e.weight - eta * g.value;
  const tex = steps(`${wt}'`, [`${wt} - \\eta\\, ${g.tex}`, `${texFactor(e.weight)} - ${texFactor(eta)} \\cdot ${texFactor(g.value)}`, texNumber(nextW)]);
  return [{ quantity: 'update', tex, value: nextW, check: e.weight - eta * g.value }];
}

/** the regulariser's block and the update's, when either is on; none for the tutorial's plain descent */
export function updateBlocks(net: NetValues, e: EdgeValues): FormulaBlock[] {
  const u = net.update;
  const regularized = u !== undefined && u.regularization.kind !== 'none';
  if (!u || (!regularized && u.momentum === 0)) return [];
  const reg = regularizedBlock(net, e);
  return [...(reg ? [reg] : []), ...updateBlocksOf(net, e)];
}
