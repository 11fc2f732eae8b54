// Metrics for the training and the test examples apart: E of the net's loss, accuracy by arg-max or
// midpoint, the mean squared error of a regression — against the naive pass; and from the kernel's
// outputs (h and s) the very same numbers.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, evaluate, evaluateOutputs, evaluateSplit, forward, type Example, type GraphDoc } from '../../../src/engine';
import { expectClose, loadFixture, TWO_FIVE_ONE } from '../helpers';
import { naivePass } from '../reference';
import { arbitraryOptionsDoc } from '../options';

const argmax = (v: number[]) => v.indexOf(Math.max(...v));

function naiveMetrics(doc: GraphDoc, examples: Example[], rule: 'argmax' | 'midpoint' | 'none') {
  let error = 0;
  let squared = 0;
  let right = 0;
  for (const ex of examples) {
    const p = naivePass(doc, ex.x, ex.y);
    error += p.error;
    p.outputs.forEach((h, o) => (squared += (h - ex.y[o]) ** 2));
    if (rule === 'argmax' && argmax(p.outputs) === argmax(ex.y)) right++;
  }
  const n = examples.length;
  const m = examples[0]?.y.length ?? 1;
  return { error, meanError: n ? error / n : 0, accuracy: n ? right / n : 0, meanSquaredError: n ? squared / (n * m) : 0 };
}

describe('evaluateSplit', () => {
  it('softmax nets: E (cross-entropy), arg-max accuracy and MSE for train and test apart, as the naive pass gives them', () => {
    fc.assert(
      fc.property(arbitraryOptionsDoc({ form: 'softmax', maxExamples: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (base, flags) => {
        const doc = { ...base, dataset: { examples: base.dataset.examples.map((ex, i) => (flags[i] ? { ...ex, test: true } : ex)) } };
        const result = evaluateSplit(compile(doc), doc.dataset.examples);
        const train = naiveMetrics(doc, doc.dataset.examples.filter((ex) => !ex.test), 'argmax');
        const test = naiveMetrics(doc, doc.dataset.examples.filter((ex) => ex.test), 'argmax');
        expect(result.testCount).toBe(doc.dataset.examples.filter((ex) => ex.test).length);
        for (const [ours, theirs] of [[result.train, train], [result.test, test]] as const) {
          expectClose(ours.error, theirs.error, 1e-9);
          expectClose(ours.meanError, theirs.meanError, 1e-9);
          expectClose(ours.meanSquaredError, theirs.meanSquaredError, 1e-12);
          expect(ours.accuracy).toBe(theirs.accuracy);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('arg-max takes the lowest index of the largest output, and applies to several outputs with classes', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const three: GraphDoc = {
      ...doc,
      nodes: [...doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, output: undefined } : n)), ...[0, 1, 2].map((o) => ({ id: `c${o}`, type: 'neuron' as const, activation: 'linear' as const, output: o }))],
      edges: [...doc.edges, ...[0, 1, 2].map((o) => ({ id: `to${o}`, source: 'in_x', target: `c${o}`, weight: o === 2 ? -1 : 1 }))],
      dataset: { classes: ['a', 'b', 'c'], examples: [{ x: [0.5, 0], y: [1, 0, 0] }, { x: [0.5, 0], y: [0, 1, 0] }, { x: [-0.5, 0], y: [0, 0, 1] }] },
    };
    // h = (x, x, −x): a tie between outputs 0 and 1 goes to 0
    expect(evaluate(compile(three), three.dataset.examples).accuracy).toBeCloseTo(2 / 3, 15);
    const noClasses = { ...three, dataset: { examples: three.dataset.examples } };
    expect(compile(noClasses).argmaxAccuracy).toBe(false); // several outputs without classes: version 1's midpoint rule
  });

  it('a regression reports its mean squared error and no accuracy', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const regression = { ...doc, dataset: { ...doc.dataset, problem: 'regression' as const } };
    const net = compile(regression);
    const result = evaluate(net, regression.dataset.examples);
    const squared = regression.dataset.examples.reduce((acc, ex) => acc + (naivePass(regression, ex.x, ex.y).outputs[0] - ex.y[0]) ** 2, 0);
    expectClose(result.meanSquaredError, squared / regression.dataset.examples.length, 1e-12);
    expectClose(result.error, squared, 1e-12);
    expect(result.accuracy).toBe(0);
    expect(evaluate(compile(doc), doc.dataset.examples).accuracy).toBeGreaterThan(0);
  });

  it('from outputs computed elsewhere (h, and s for cross-entropy) gives the same bits', () => {
    fc.assert(
      fc.property(fc.constantFrom('binary' as const, 'softmax' as const).chain((form) => arbitraryOptionsDoc({ form, ablate: true })), (doc) => {
        const net = compile(doc);
        const m = net.numOutputs;
        const examples = doc.dataset.examples;
        const h = new Float64Array(examples.length * m);
        const s = new Float64Array(examples.length * m);
        examples.forEach((ex, i) => {
          forward(net, ex.x);
          for (let o = 0; o < m; o++) [h[i * m + o], s[i * m + o]] = [net.z[net.outputNode[o]], net.s[net.outputNode[o]]];
        });
        expect(evaluateOutputs(net, h, examples, s)).toEqual(evaluate(net, examples));
        expect(() => evaluateOutputs(net, h, examples)).toThrow(/pass them/);
      }),
      { numRuns: 50 },
    );
  });
});
