import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOSS_SQUARED, compile, type GraphDoc } from '../../../src/engine';
import { arbitraryOptionsDoc } from '../options';
import { kernelUnsupported } from '../../../src/engine/kernel';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

/** the tutorial with one version-2 change */
function variant(change: (doc: GraphDoc) => GraphDoc): string | null {
  const doc = change(loadFixture(TWO_FIVE_ONE));
  return kernelUnsupported(compile(doc), doc.dataset.examples, doc.training);
}

/** one document with softmax outputs */
const arbitrarySoftmaxDoc = (): GraphDoc => fc.sample(arbitraryOptionsDoc({ form: 'softmax' }), { numRuns: 1, seed: 4 })[0];

describe('kernelUnsupported', () => {
  it('lets the kernel train a version-1 document (and zero-rate regularisation, which changes nothing)', () => {
    expect(variant((d) => d)).toBeNull();
    expect(variant((d) => ({ ...d, training: { ...d.training, regularization: { kind: 'L2', rate: 0 } } }))).toBeNull();
  });

  it('lets the kernel train every activation, derived inputs, ablation, mini-batches, test examples, L1, L2, momentum and cross-entropy', () => {
    const hidden = (d: GraphDoc) => d.nodes.findIndex((n) => n.type === 'neuron' && n.output === undefined);
    const input = (d: GraphDoc) => d.nodes.findIndex((n) => n.type === 'input');
    const supported: ((d: GraphDoc) => GraphDoc)[] = [
      ...(['leakyRelu', 'elu', 'softplus', 'hardSigmoid'] as const).map((activation) => (d: GraphDoc) => ({ ...d, nodes: d.nodes.map((n, i) => (i === hidden(d) ? { ...n, activation } : n)) as GraphDoc['nodes'] })),
      (d) => ({ ...d, nodes: d.nodes.map((n, i) => (i === input(d) ? { ...n, transform: 'sin' } : n)) as GraphDoc['nodes'] }),
      (d) => ({ ...d, nodes: d.nodes.map((n, i) => (i === input(d) ? { ...n, times: 0 } : n)) as GraphDoc['nodes'] }),
      (d) => ({ ...d, nodes: d.nodes.map((n, i) => (i === hidden(d) ? { ...n, off: true } : n)) }),
      (d) => ({ ...d, edges: d.edges.map((e, i) => (i === 0 ? { ...e, off: true } : e)) }),
      (d) => ({ ...d, training: { ...d.training, mode: 'minibatch', batchSize: 3 } }),
      (d) => ({ ...d, training: { ...d.training, regularization: { kind: 'L1', rate: 0.01 } } }),
      (d) => ({ ...d, training: { ...d.training, regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.5 } }),
      (d) => ({ ...d, dataset: { ...d.dataset, examples: d.dataset.examples.map((ex, i) => (i === 3 ? { ...ex, test: true } : ex)) } }),
      (d) => ({ ...d, training: { ...d.training, loss: 'crossEntropy' } }),
    ];
    for (const change of supported) expect(variant(change)).toBeNull();
  });

  it('names what the kernel does not compute: softmax outputs under the squared error (a net the format refuses)', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile({ ...doc, training: { ...doc.training, loss: 'crossEntropy' } });
    expect(kernelUnsupported(net, doc.dataset.examples, doc.training)).toBeNull(); // one sigmoid output: binary cross-entropy
    const softmax = compile(arbitrarySoftmaxDoc());
    expect(kernelUnsupported(softmax, [], {})).toBeNull();
    softmax.loss = LOSS_SQUARED;
    expect(kernelUnsupported(softmax, [], {})).toContain('softmax outputs with the squared error');
  });
});
