import { describe, expect, it } from 'vitest';
import {
  compile,
  evaluate,
  findDivergence,
  compareGradients,
  gradcheck,
  gradeRelativeError,
  isNearZero,
  relativeError,
  trace,
  trainEpoch,
  weightsToDoc,
  type GraphDoc,
} from '../../src/engine';
import { edge, expectClose, loadFixture, makeDoc, PERCEPTRON, referencePass, TWO_FIVE_ONE } from './helpers';

describe('trace', () => {
  it('has the CLI --json shape and the reference values', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const ex = doc.dataset.examples[7];
    const ref = referencePass(doc, ex.x, ex.y);
    const t = trace(doc, 7);
    expect(Object.keys(t)).toEqual(['order', 'nodes', 'outputs', 'error', 'edges']);
    expect(t.order).toHaveLength(9);
    expect(t.nodes.in_x).toEqual({ z: ex.x[0] });
    expect(t.nodes.in_1).toEqual({ z: 1 });
    const six = t.nodes['6'] as { s: number; z: number; dhds: Record<string, number>; dEds: number };
    expect(Object.keys(six)).toEqual(['s', 'z', 'dhds', 'dEds']);
    expectClose(six.s, ref.s.get('6')!);
    expectClose(six.dhds['6'], ref.dhds.get('6|6')!);
    expectClose((t.nodes['3'] as typeof six).dhds['6'], ref.dhds.get('6|3')!);
    expectClose(t.outputs[0], ref.outputs[0]);
    expectClose(t.error, ref.error);
    expect(Object.keys(t.edges)).toHaveLength(21);
    expectClose(t.edges['2->6'].grad, ref.grad.get('2->6')!);
    expect(t.edges['2->6'].weight).toBe(0.9295);
  });

  it('keeps ids such as __proto__ as ordinary keys', () => {
    const doc = makeDoc(
      [
        { id: '__proto__', type: 'input', feature: 0 },
        { id: 'constructor', type: 'neuron', activation: 'linear', output: 0 },
      ],
      [edge('__proto__', 'constructor', 2, '__proto__')],
      [{ x: [3], y: [1] }],
    );
    const t = trace(doc, 0);
    expect(Object.keys(t.nodes)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(t)).nodes.constructor.dhds.constructor).toBe(1);
    expect(t.edges['__proto__']).toEqual({ weight: 2, grad: 2 * (6 - 1) * 3 });
  });

  it('refuses an example that does not exist', () => {
    expect(() => trace(loadFixture(PERCEPTRON), 40)).toThrow(/example 40 does not exist; choose 0..39/);
  });
});

describe('gradcheck', () => {
  it('agrees on the tutorial networks', () => {
    const all = gradcheck(loadFixture(TWO_FIVE_ONE));
    expect(all.count).toBe(21);
    expect(all.maxRelError).toBeLessThan(1e-7);
    expect(gradcheck(loadFixture(PERCEPTRON), 3).maxRelError).toBeLessThan(1e-7);
  });

  it('reports null when every edge agrees exactly (no examples)', () => {
    const doc = loadFixture(PERCEPTRON);
    doc.dataset.examples = [];
    expect(gradcheck(doc)).toEqual({ maxRelError: 0, edgeId: null, count: 3, nearZero: 3, maxNearZeroDiff: 0 });
  });

  it('reports a correct gradient too small to resolve as near zero, not as wrong', () => {
    // a sigmoid saturated at s = 33: ∂E/∂w = 2(h − y)σ'(s) ≈ 9e-15, far below what a centred
    // difference of E ≈ 1 can see (it gives 0)
    const doc = makeDoc(
      [
        { id: 'i', type: 'input', feature: 0 },
        { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      [edge('i', 'o', 33)],
      [{ x: [1], y: [0] }],
    );
    const result = gradcheck(doc);
    expect(result).toMatchObject({ edgeId: null, count: 1, nearZero: 1, maxRelError: 0 });
    expect(result.maxNearZeroDiff).toBeGreaterThan(0);
    expect(result.maxNearZeroDiff).toBeLessThan(1e-13);
  });

  it('grades with |a − n| / max(|a|, |n|, 1e-8)', () => {
    expect(relativeError(1e-3, 0)).toBe(1);
    expect(relativeError(-2.1e-14, 0)).toBeCloseTo(2.1e-6, 12);
    expect(relativeError(2, 2 + 2e-9)).toBeCloseTo(1e-9, 15);
    expect(relativeError(NaN, 1)).toBe(Infinity);
    expect(isNearZero(-2.1e-14, 0)).toBe(true);
    expect(isNearZero(2e-8, 0)).toBe(false);
    expect([1e-8, 1e-5, 1e-3, 0.5].map(gradeRelativeError)).toEqual(['right', 'acceptable', 'suspicious', 'wrong']);
  });

  it('still names a gradient that disagrees beyond the floor', () => {
    const ids = ['a', 'b', 'c'];
    const result = compareGradients(ids, Float64Array.of(0.5, 1e-3, 1e-12), Float64Array.of(0.5, 0, 0));
    expect(result).toMatchObject({ edgeId: 'b', maxRelError: 1, nearZero: 1, maxNearZeroDiff: 1e-12 });
  });
});

describe('evaluate', () => {
  const doc: GraphDoc = makeDoc(
    [
      { id: 'i', type: 'input', feature: 0 },
      { id: 'o', type: 'neuron', activation: 'tanh', output: 0 },
    ],
    [edge('i', 'o', 1)],
    [
      { x: [0.5], y: [1] }, // tanh 0.46 > 0: right
      { x: [-0.5], y: [-1] }, // right
      { x: [0.2], y: [-1] }, // wrong
    ],
  );

  it('sums E and counts outputs on the right side of the midpoint', () => {
    const result = evaluate(compile(doc), doc.dataset.examples);
    const expected = doc.dataset.examples.reduce((s, ex) => s + (Math.tanh(ex.x[0]) - ex.y[0]) ** 2, 0);
    expectClose(result.error, expected);
    expectClose(result.meanError, expected / 3);
    expect(result.accuracy).toBeCloseTo(2 / 3);
    expect(evaluate(compile(doc), [])).toEqual({ error: 0, meanError: 0, accuracy: 0, meanSquaredError: 0 });
  });

  it('the perceptron reaches full accuracy after training', () => {
    const p = loadFixture(PERCEPTRON);
    const net = compile(p);
    const before = evaluate(net, p.dataset.examples);
    for (let i = 0; i < 300; i++) trainEpoch(net, p.dataset.examples, p.training);
    const after = evaluate(net, p.dataset.examples);
    expect(after.error).toBeLessThan(before.error);
    expect(after.accuracy).toBe(1);
  });
});

describe('weightsToDoc and findDivergence', () => {
  it('writes the net’s weights into a new document', () => {
    const doc = loadFixture(PERCEPTRON);
    const net = compile(doc);
    net.weights[1] = 42;
    const out = weightsToDoc(doc, net);
    expect(out.edges[1]).toEqual({ ...doc.edges[1], weight: 42 });
    expect(doc.edges[1].weight).toBe(-0.6983);
  });

  it('finds the first weight that is non-finite or beyond the limit', () => {
    const net = compile(loadFixture(TWO_FIVE_ONE));
    expect(findDivergence(net)).toBeNull();
    net.weights[5] = 2e6;
    net.weights[9] = NaN;
    expect(findDivergence(net)).toEqual({ edgeIndex: 5, value: 2e6 });
    net.weights[5] = -1e6; // the limit itself is inside
    expect(findDivergence(net)).toEqual({ edgeIndex: 9, value: NaN });
  });

  it('linear neurons with η = 10 diverge, and it is caught before a weight leaves the limit', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.nodes = doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'linear' } : n));
    const net = compile(doc);
    let found = null;
    for (let epoch = 0; epoch < 200 && !found; epoch++) found = trainEpoch(net, doc.dataset.examples, { ...doc.training, learningRate: 10 }).divergence;
    expect(found).not.toBeNull();
    expect(findDivergence(net)).toBeNull();
  });
});
