import type { GraphDoc } from '../../../engine/format/types';
import type { Divergence } from './protocol';
import { readable } from '../format/number';
import { epochText } from './format';

// "Training diverged at epoch 3 (+6), on example 7 of the epoch (update 187): w(h1 → out)
// [edge e5] reached 3.2e6. …" — where it happened, in the readout's own words (the Epoch readout
// then shows "3 (+6)": the last good weights, just before the failing update), on which
// parameter, and what to try. When E at those weights was already blowing up, older weights came
// back (Divergence.restored): the message names their epoch, the one the readout shows.

/** where a failing update was, in the readout's words */
function whereText(d: Pick<Divergence, 'epoch' | 'example' | 'batch'>): string {
  return d.example !== null
    ? `at epoch ${epochText(d.epoch, d.example - 1)}, on example ${d.example} of the epoch`
    : d.batch !== undefined
      ? `at epoch ${epochText(d.epoch, 0)}, in mini-batch update ${d.batch} of the epoch`
      : `at epoch ${epochText(d.epoch, 0)}, in the batch update that ends it`;
}

/** the weight named as the canvas names it: w(source → target) [edge id] */
function weightText(edgeId: string, doc: GraphDoc): string {
  const edge = doc.edges.find((e) => e.id === edgeId);
  return `w(${edge ? `${edge.source} → ${edge.target}` : edgeId}) [edge ${edgeId}]`;
}

const tryText = (eta: number) => `try a smaller learning rate η than ${eta}, e.g. ${suggestSmaller(eta)}`;

export function describeDivergence(d: Divergence, doc: GraphDoc): string {
  const what = d.edgeId === null ? `the error E became ${readable(d.value)}` : `weight ${weightText(d.edgeId, doc)} reached ${readable(d.value)}`;
  // the weights before the failing update had an E blowing up: the readout shows the older ones restored
  const restored = d.restored
    ? ` Paused and restored the last good weights, those of epoch ${epochText(d.restored.epoch, d.restored.position)} (E = ${readable(d.restored.error)}; after them E was no longer finite or over 10⁶ times its smallest)`
    : ' Paused and restored the last good weights';
  return `Training diverged ${whereText(d)} (update ${d.update}): ${what}.${restored}; ${tryText(doc.training.learningRate)}.`;
}

/** an update the step-through would make, refused as training refuses it: where, which weight, and that nothing changed */
export interface RefusedStep {
  where: Pick<Divergence, 'epoch' | 'example' | 'batch'>;
  edgeId: string;
  value: number;
}

export function describeRefusedStep(r: RefusedStep, doc: GraphDoc): string {
  return (
    `Stepping stopped ${whereText(r.where)}: the update would put weight ${weightText(r.edgeId, doc)} at ${readable(r.value)}, ` +
    `past the limit of ±10⁶ where training stops as diverged. The update was not applied and the weights stay as they were; ${tryText(doc.training.learningRate)}.`
  );
}

export function suggestSmaller(eta: number): number {
  return Number((eta / 10).toPrecision(3));
}
