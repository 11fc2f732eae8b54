import { describe, expect, it } from 'vitest';
import { onlyTrainedSince } from '../../../src/renderer/src/store/trainedSince';
import { setWeightsIn } from '../../../src/renderer/src/store/docEdits';
import { layeredDoc } from '../../../src/renderer/src/templates/layered';

const doc = layeredDoc([2, 3, 1]);
const first = doc.edges[0].id;

describe('onlyTrainedSince: a document changed by training alone', () => {
  it('holds for new weights, velocities and epoch', () => {
    const trained = { ...setWeightsIn(doc, { [first]: 0.123 }, { [first]: 0.01 }), training: { ...doc.training, epoch: 40 } };
    expect(onlyTrainedSince(doc, doc)).toBe(true);
    expect(onlyTrainedSince(doc, trained)).toBe(true);
  });

  it('fails for a person’s edits and for another document', () => {
    expect(onlyTrainedSince(doc, { ...doc, name: 'renamed' })).toBe(false);
    expect(onlyTrainedSince(doc, { ...doc, training: { ...doc.training, learningRate: doc.training.learningRate + 0.25 } })).toBe(false);
    expect(onlyTrainedSince(doc, { ...doc, nodes: doc.nodes.slice(0, -1) })).toBe(false);
    expect(onlyTrainedSince(doc, { ...doc, edges: doc.edges.slice(1) })).toBe(false);
    expect(onlyTrainedSince(doc, { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, target: doc.edges.at(-1)!.target } : e)) })).toBe(false);
    expect(onlyTrainedSince(doc, { ...doc, dataset: { ...doc.dataset, examples: [] } })).toBe(false);
    expect(onlyTrainedSince(doc, layeredDoc([2, 3, 1]))).toBe(false);
  });
});
