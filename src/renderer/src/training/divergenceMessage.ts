import type { GraphDoc } from '../../../engine/format/types';
import type { Divergence } from './protocol';
import { readable } from '../format/number';
import { epochText } from './format';

// "Training diverged at epoch 3 (+6), on example 7 of the epoch (update 187): w(h1 → out)
// [edge e5] reached 3.2e6. …" — where it happened, in the readout's own words (the Epoch readout
// then shows "3 (+6)": the last good weights, just before the failing update), on which
// parameter, and what to try. When E at those weights was already blowing up, older weights came
// back (Divergence.restored): the message names their epoch, the one the readout shows.

export function describeDivergence(d: Divergence, doc: GraphDoc): string {
  const where =
    d.example !== null
      ? `at epoch ${epochText(d.epoch, d.example - 1)}, on example ${d.example} of the epoch`
      : d.batch !== undefined
        ? `at epoch ${epochText(d.epoch, 0)}, in mini-batch update ${d.batch} of the epoch`
        : `at epoch ${epochText(d.epoch, 0)}, in the batch update that ends it`;
  const edge = d.edgeId === null ? null : doc.edges.find((e) => e.id === d.edgeId);
  const what =
    d.edgeId === null
      ? `the error E became ${readable(d.value)}`
      : `weight w(${edge ? `${edge.source} → ${edge.target}` : d.edgeId}) [edge ${d.edgeId}] reached ${readable(d.value)}`;
  const eta = doc.training.learningRate;
  // the weights before the failing update had an E blowing up: the readout shows the older ones restored
  const restored = d.restored
    ? ` Paused and restored the last good weights, those of epoch ${epochText(d.restored.epoch, d.restored.position)} (E = ${readable(d.restored.error)}; after them E was no longer finite or over 10⁶ times its smallest)`
    : ' Paused and restored the last good weights';
  return `Training diverged ${where} (update ${d.update}): ${what}.${restored}; try a smaller learning rate η than ${eta}, e.g. ${suggestSmaller(eta)}.`;
}

export function suggestSmaller(eta: number): number {
  return Number((eta / 10).toPrecision(3));
}
