import { describe, expect, it } from 'vitest';
import { compile, type GraphDoc } from '../../../src/engine';
import { kernelUnsupported } from '../../../src/engine/kernel';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

/** the tutorial with one version-2 change */
function variant(change: (doc: GraphDoc) => GraphDoc): string | null {
  const doc = change(loadFixture(TWO_FIVE_ONE));
  return kernelUnsupported(compile(doc), doc.dataset.examples, doc.training);
}

describe('kernelUnsupported', () => {
  it('lets the kernel train a version-1 document (and zero-rate regularisation, which changes nothing)', () => {
    expect(variant((d) => d)).toBeNull();
    expect(variant((d) => ({ ...d, training: { ...d.training, regularization: { kind: 'L2', rate: 0 } } }))).toBeNull();
  });

  it('lets the kernel train every activation, derived inputs, ablation, mini-batches, test examples, L1, L2 and momentum', () => {
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
    ];
    for (const change of supported) expect(variant(change)).toBeNull();
  });

  it('names each version-2 option the kernel does not compute yet', () => {
    const cases: [string, (d: GraphDoc) => GraphDoc][] = [
      ['cross-entropy', (d) => ({ ...d, training: { ...d.training, loss: 'crossEntropy' } })],
    ];
    for (const [reason, change] of cases) expect(variant(change), reason).toContain(reason);
  });
});
