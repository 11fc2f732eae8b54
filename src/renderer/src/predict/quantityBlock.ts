import type { Quantity } from '../../../engine/predict';
import { activationBlock, dEdsBlock, dhdsBlock, errorBlock, gradBlock, sumBlock, type FormulaBlock } from '../formula/tex';
import { texFactor, texName, texNumber } from '../formula/texNumber';
import type { NetValues } from '../formula/values';

// The formula of one predicted quantity, with the example's numbers plugged in: the formula
// inspector's own blocks (formula/tex.ts), and for a new weight w′ = w − η·∂E/∂w.

function updateBlock(values: NetValues, q: Extract<Quantity, { kind: 'update' }>): FormulaBlock {
  const e = values.edges[q.edgeId];
  const name = `${texName(values.nodes[e.source].label)} \\to ${texName(values.nodes[e.target].label)}`;
  const grad = q.batch ? `\\sum_i \\frac{\\partial E_i}{\\partial w_{${name}}}` : `\\frac{\\partial E_i}{\\partial w_{${name}}}`;
  const plain = q.w - q.eta * q.gradient;
  const tex = `\\begin{aligned} w'_{${name}} &= w_{${name}} - \\eta\\, ${grad} \\\\ &= ${texNumber(q.w)} - ${texNumber(q.eta)} \\cdot ${texFactor(q.gradient)} \\\\ &= ${texNumber(q.value)} \\end{aligned}`;
  const note = Object.is(plain, q.value) ? undefined : 'The document’s regularization or momentum changes this step slightly: the value is the engine’s.';
  return { quantity: 'update', tex, value: q.value, check: plain, ...(note ? { note } : {}) };
}

/** the formula block that ends in q's value */
export function quantityBlock(values: NetValues, q: Quantity): FormulaBlock {
  switch (q.kind) {
    case 's':
      return sumBlock(values, values.nodes[q.nodeId]);
    case 'z':
      return activationBlock(values.nodes[q.nodeId]);
    case 'E':
      return errorBlock(values);
    case 'dhds':
      return dhdsBlock(values, values.nodes[q.nodeId], q.output);
    case 'dEds':
      return dEdsBlock(values, values.nodes[q.nodeId]);
    case 'grad':
      return gradBlock(values, values.edges[q.edgeId]);
    case 'update':
      return updateBlock(values, q);
  }
}
