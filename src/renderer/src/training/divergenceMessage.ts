import type { GraphDoc } from '../../../engine/format/types';
import type { Divergence } from './protocol';
import { readable } from '../format/number';

// "Training diverged in epoch 3 at example 7 (update 107): w(h1 → out) [edge e5] reached
// 3.2e+6. …" — where it happened, on which parameter, and what to try.

export function describeDivergence(d: Divergence, doc: GraphDoc): string {
  const where = d.example === null ? `in the batch update of epoch ${d.epoch + 1}` : `in epoch ${d.epoch + 1} at example ${d.example}`;
  const edge = d.edgeId === null ? null : doc.edges.find((e) => e.id === d.edgeId);
  const what =
    d.edgeId === null
      ? `the error E became ${readable(d.value)}`
      : `weight w(${edge ? `${edge.source} → ${edge.target}` : d.edgeId}) [edge ${d.edgeId}] reached ${readable(d.value)}`;
  const eta = doc.training.learningRate;
  return `Training diverged ${where} (update ${d.update}): ${what}. Paused and restored the last good weights; try a smaller learning rate η than ${eta}, e.g. ${suggestSmaller(eta)}.`;
}

export function suggestSmaller(eta: number): number {
  return Number((eta / 10).toPrecision(3));
}
