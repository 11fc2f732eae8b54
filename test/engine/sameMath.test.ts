import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, type GraphDoc, type GraphNode } from '../../src/engine';
import { changesMaps, changesTraining, mathKey, sameMathNodes, topologyKey } from '../../src/engine/sameMath';
import { arbitraryDag, loadFixture, makeDoc, TWO_FIVE_ONE } from './helpers';

const withNodes = (doc: GraphDoc, f: (n: GraphNode) => GraphNode): GraphDoc => ({ ...doc, nodes: doc.nodes.map(f) });
const cosmetic = (n: GraphNode): GraphNode => ({ ...n, position: { x: 9, y: 9 }, label: 'renamed' });

describe('mathKey', () => {
  it('ignores weights, positions and labels, and changes with what the compiled net depends on', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const key = mathKey(doc);
    expect(mathKey({ ...withNodes(doc, cosmetic), edges: doc.edges.map((e) => ({ ...e, weight: 5 })) })).toBe(key);
    const tanh = withNodes(doc, (n) => (n.id === '6' && n.type === 'neuron' ? { ...n, activation: 'tanh' } : n));
    expect(mathKey(tanh)).not.toBe(key);
    expect(mathKey({ ...doc, edges: doc.edges.slice(1) })).not.toBe(key);
    expect(mathKey({ ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, id: 'renamed' } : e)) })).not.toBe(key);
    const swapped = withNodes(doc, (n) => (n.type === 'input' ? { ...n, feature: 1 - n.feature } : n));
    expect(mathKey(swapped)).not.toBe(key);
    const notOutput = withNodes(doc, (n) => (n.id === '6' && n.type === 'neuron' ? { id: n.id, type: 'neuron', activation: n.activation } : n));
    expect(mathKey(notOutput)).not.toBe(key);
    // the same arrays again give the same answer (remembered, not recomputed into something else)
    expect(mathKey(doc)).toBe(key);
    expect(mathKey(tanh)).not.toBe(key);
  });

  it('changes with the examples’ shape that compile validates, not with their values', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const key = mathKey(doc);
    const moved = doc.dataset.examples.map((ex) => ({ ...ex, x: ex.x.map((v) => v + 0.5) }));
    expect(mathKey({ ...doc, dataset: { ...doc.dataset, examples: moved } })).toBe(key);
    const wider = doc.dataset.examples.map((ex) => ({ ...ex, x: [...ex.x, 0] }));
    expect(mathKey({ ...doc, dataset: { ...doc.dataset, examples: wider } })).not.toBe(key);
    expect(mathKey({ ...doc, dataset: { ...doc.dataset, examples: [] } })).not.toBe(key);
    expect(mathKey({ ...doc, dataset: { ...doc.dataset, features: ['a', 'b', 'c'] } })).not.toBe(key);
    // one example of another length: compile refuses the data set, so it must not read as the same math
    const ragged = doc.dataset.examples.map((ex, i) => (i === 3 ? { ...ex, y: [...ex.y, 1] } : ex));
    const raggedDoc = { ...doc, dataset: { ...doc.dataset, examples: ragged } };
    expect(() => compile(raggedDoc)).toThrow();
    expect(mathKey(raggedDoc)).not.toBe(key);
  });

  it('cannot be fooled by ids that contain the separators of a key', () => {
    // "p:bias:|q" as one bias node once read like the two bias nodes "p" and "q"
    const one = makeDoc([{ id: 'p:bias:|q', type: 'bias' }], []);
    const two = makeDoc(
      [
        { id: 'p', type: 'bias' },
        { id: 'q', type: 'bias' },
      ],
      [],
    );
    expect(mathKey(one)).not.toBe(mathKey(two));
    expect(topologyKey(one)).not.toBe(topologyKey(two));
  });

  it('is equal for random DAGs exactly when they differ by weights and looks alone', () => {
    fc.assert(
      fc.property(arbitraryDag(), fc.double({ min: -2, max: 2, noNaN: true }), (doc, w) => {
        const looks = { ...withNodes(doc, cosmetic), edges: doc.edges.map((e) => ({ ...e, weight: w })) };
        expect(mathKey(looks)).toBe(mathKey(doc));
        const relinked = { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, source: e.source === 'b' ? 'i0' : 'b' } : e)) };
        expect(mathKey(relinked)).not.toBe(mathKey(doc));
      }),
      { numRuns: 50 },
    );
  });
});

describe('which edits restart training', () => {
  it('weights, data, topology and settings do; moving or renaming a node does not', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    expect(changesTraining(doc, withNodes(doc, cosmetic))).toBe(false);
    expect(changesTraining(doc, { ...doc, edges: [...doc.edges] })).toBe(true);
    expect(changesTraining(doc, { ...doc, dataset: { ...doc.dataset, examples: [] } })).toBe(true);
    expect(changesTraining(doc, { ...doc, training: { ...doc.training, learningRate: 2 } })).toBe(true);
    expect(changesTraining(doc, { ...doc, training: { ...doc.training, epoch: 7 } })).toBe(true);
    expect(changesTraining(doc, withNodes(doc, (n) => (n.type === 'neuron' ? { ...n, activation: 'relu' } : n)))).toBe(true);
    expect(changesTraining(null, doc)).toBe(true);
    expect(changesTraining(doc, doc)).toBe(false);
  });

  it('the domain is not training’s business, but it is the maps’', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const zoomed = { ...doc, dataset: { ...doc.dataset, domain: { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] } } };
    expect(changesTraining(doc, zoomed)).toBe(false);
    expect(changesMaps(doc, zoomed)).toBe(true);
    expect(changesMaps(doc, withNodes(doc, cosmetic))).toBe(false);
    expect(changesMaps(doc, { ...doc, edges: [...doc.edges] })).toBe(true);
  });

  it('sameMathNodes compares what nodes compute, not how they look', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    expect(sameMathNodes(doc.nodes, withNodes(doc, cosmetic).nodes)).toBe(true);
    expect(sameMathNodes(doc.nodes, doc.nodes.slice(1))).toBe(false);
    expect(sameMathNodes(doc.nodes, withNodes(doc, (n) => (n.type === 'input' ? { ...n, feature: 5 } : n)).nodes)).toBe(false);
  });
});
