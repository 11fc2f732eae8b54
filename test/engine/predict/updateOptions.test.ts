// The on-screen sheet's new weights under a regulariser and momentum: the engine's update, a
// tolerance scaled by the real change, and the slip of stepping along ∂E/∂w alone named.

import { describe, expect, it } from 'vitest';
import { compile, trainExample, trainingOptions, type GraphDoc } from '../../../src/engine';
import { checkAnswer, diagnose, exampleQuantities } from '../../../src/engine/predict';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

const base = loadFixture(TWO_FIVE_ONE);
const withOptions = (training: Partial<GraphDoc['training']>): GraphDoc => ({
  ...base,
  edges: base.edges.map((e, i) => ({ ...e, velocity: 0.01 * (i % 5) - 0.02 })),
  training: { ...base.training, ...training },
});

const CASES: [string, GraphDoc][] = [
  ['L2', withOptions({ regularization: { kind: 'L2', rate: 0.05 } })],
  ['L1 and momentum', withOptions({ regularization: { kind: 'L1', rate: 0.02 }, momentum: 0.9 })],
];

describe('new weights with a regulariser and momentum', () => {
  for (const [name, doc] of CASES) {
    it(`are the engine's trainExample, their tolerance the change's: ${name}`, () => {
      const updates = exampleQuantities(doc, 2).filter((q) => q.kind === 'update');
      const net = compile(doc);
      const o = trainingOptions(doc.training);
      const example = doc.dataset.examples[2];
      trainExample(net, example.x, example.y, o.learningRate, { regularization: o.regularization, momentum: o.momentum });
      updates.forEach((q, e) => {
        expect(q.value).toBe(net.weights[e]);
        expect(q.change).toBe(q.w - q.value);
        expect(q.scale).toBe(Math.abs(q.change));
      });
      expect(updates.some((q) => !q.plain)).toBe(true);
    });

    it(`name the plain step w − η ∂E/∂w as a slip: ${name}`, () => {
      const q = exampleQuantities(doc, 2).find((u) => u.kind === 'update' && !u.plain && Math.abs(u.change - u.eta * u.gradient) > 0.01 * Math.abs(u.change))!;
      expect(q.kind).toBe('update');
      if (q.kind !== 'update') return;
      const plain = q.w - q.eta * q.gradient;
      expect(checkAnswer(q, plain).right).toBe(false);
      expect(diagnose(q, plain)).toMatchObject({ kind: 'mistake', mistake: { id: 'plain-step' } });
      expect(checkAnswer(q, q.value).right).toBe(true);
    });
  }
});
