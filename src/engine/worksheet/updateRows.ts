// The update rows (docs/graph-format.md, "Regularisation" and "Update"), for this example alone:
// g = ∂E_i/∂w plus the regulariser's R(w) = λ sign(w) (L1) or 2λw (L2) on every edge not from a
// bias node; without momentum w' = w − η g, with momentum v' = β v + g and then w' = w − η v'.
// The values are the engine's own update (trainExample), the checks the written arithmetic.

import type { EdgeReadout } from '../readout';
import { penaltyGradient } from '../regularization';
import { texDEdw, texFactor, texNewW, texNewV, texNumber, texV, texW } from './tex';
import type { Row, Sheet } from './sheet';

/** the regulariser's term of one edge in symbols and numbers, or null (no regulariser, or a bias edge) */
function penaltyTerm(sheet: Sheet, e: EdgeReadout, w: string): { formula: string; substituted: string; value: number } | null {
  const reg = sheet.options.regularization;
  if (reg.kind === 'none' || sheet.biasEdge.has(e.id)) return null;
  const value = penaltyGradient(reg, e.weight);
  if (reg.kind === 'L1') {
    const sign = e.weight > 0 ? 1 : e.weight < 0 ? -1 : 0;
    return { formula: `\\lambda \\operatorname{sign}(${w})`, substituted: `${texFactor(reg.rate)} \\cdot ${texFactor(sign)}`, value };
  }
  return { formula: `2\\lambda\\, ${w}`, substituted: `2 \\cdot ${texFactor(reg.rate)} \\cdot ${texFactor(e.weight)}`, value };
}

/** g = ∂E_i/∂w (+ R(w)): its symbols, its numbers (a sum in parentheses) and its value */
function stepGradient(sheet: Sheet, e: EdgeReadout, j: string, k: string): { formula: string; substituted: string; value: number } {
  const penalty = penaltyTerm(sheet, e, texW(j, k));
  if (penalty === null) return { formula: texDEdw(j, k), substituted: texFactor(e.grad), value: e.grad };
  return {
    formula: `\\Big(${texDEdw(j, k)} + ${penalty.formula}\\Big)`,
    substituted: `\\big(${texFactor(e.grad)} + ${penalty.substituted}\\big)`,
    value: e.grad + penalty.value,
  };
}

function edgeRows(sheet: Sheet, e: EdgeReadout): Row[] {
  const j = sheet.name(e.source);
  const k = sheet.name(e.target);
  const g = stepGradient(sheet, e, j, k);
  const eta = sheet.eta;
  const beta = sheet.options.momentum;
  const weightRow = (formula: string, substituted: string, check: number): Row => ({
    key: `w:${e.id}`,
    kind: 'w',
    phase: 'update',
    symbol: texNewW(j, k),
    formula,
    substituted,
    value: sheet.update.next[e.id],
    check,
  });
  if (beta === 0) {
    return [weightRow(`${texW(j, k)} - \\eta\\,${g.formula}`, `${texNumber(e.weight)} - ${texNumber(eta)} \\cdot ${g.substituted}`, e.weight - eta * g.value)];
  }
  const v = sheet.velocity[e.id] ?? 0;
  const nextV = sheet.update.nextVelocity[e.id];
  const velocityRow: Row = {
    key: `v:${e.id}`,
    kind: 'v',
    phase: 'update',
    symbol: texNewV(j, k),
    formula: `\\beta\\, ${texV(j, k)} + ${g.formula}`,
    substituted: `${texNumber(beta)} \\cdot ${texFactor(v)} + ${g.substituted}`,
    value: nextV,
    check: beta * v + g.value,
  };
  return [velocityRow, weightRow(`${texW(j, k)} - \\eta\\, ${texNewV(j, k)}`, `${texNumber(e.weight)} - ${texNumber(eta)} \\cdot ${texFactor(nextV)}`, e.weight - eta * nextV)];
}

/** every edge's update, in edge order */
export function updateRows(sheet: Sheet): Row[] {
  return sheet.readout.edges.flatMap((e) => edgeRows(sheet, e));
}
