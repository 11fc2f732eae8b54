// The tutorial's own results, computed here by hand-written code that does not use the engine's math.

import { describe, expect, it } from 'vitest';
import { backward, compile, forward, trainEpoch } from '../../src/engine';
import { expectClose, loadFixture, PERCEPTRON, TWO_FIVE_ONE } from './helpers';

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

describe('single sigmoid perceptron (batch, η = 0.1)', () => {
  it('one batch update equals w − 0.2 Σ_i (h − y) h (1 − h) x_i', () => {
    const doc = loadFixture(PERCEPTRON);
    expect(doc.training).toMatchObject({ mode: 'batch', learningRate: 0.1 });
    const w = Object.fromEntries(doc.edges.map((e) => [e.source, e.weight])); // in_1, in_x, in_y → 1
    const sum = { in_1: 0, in_x: 0, in_y: 0 };
    for (const { x, y } of doc.dataset.examples) {
      const xs = { in_1: 1, in_x: x[0], in_y: x[1] }; // x_0 = 1 for the bias
      const h = sigmoid(w.in_1 * xs.in_1 + w.in_x * xs.in_x + w.in_y * xs.in_y);
      for (const k of ['in_1', 'in_x', 'in_y'] as const) sum[k] += (h - y[0]) * h * (1 - h) * xs[k];
    }
    const net = compile(doc);
    trainEpoch(net, doc.dataset.examples, doc.training);
    doc.edges.forEach((e, i) => {
      const k = e.source as keyof typeof sum;
      expectClose(net.weights[i], w[k] - 0.2 * sum[k]);
    });
  });
});

describe('the 2-5-1 network', () => {
  it('every one of the 21 gradients equals the tutorial’s explicit expression, for every example', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    expect(doc.edges).toHaveLength(21);
    const w = (from: string, to: string) => doc.edges.find((e) => e.source === from && e.target === to)!.weight;
    const net = compile(doc);
    for (const { x, y } of doc.dataset.examples) {
      const input: Record<string, number> = { in_1: 1, in_x: x[0], in_y: x[1] };
      const hidden = ['1', '2', '3', '4', '5'];
      const z: Record<string, number> = {};
      for (const j of hidden) z[j] = sigmoid(w('in_1', j) + w('in_x', j) * input.in_x + w('in_y', j) * input.in_y);
      const s6 = w('in_1', '6') + hidden.reduce((sum, j) => sum + w(j, '6') * z[j], 0);
      const z6 = sigmoid(s6);
      const expected = new Map<string, number>();
      // ∂E/∂w_{in→6}: 2 (z_6 − y) σ(s_6)(1 − σ(s_6)) · z_in   (z_in = 1 for the bias)
      expected.set('in_1->6', 2 * (z6 - y[0]) * z6 * (1 - z6) * 1);
      for (const j of hidden) {
        // ∂E/∂w_{j→6} = 2 (z_6 − y) σ(s_6)(1 − σ(s_6)) z_j
        expected.set(`${j}->6`, 2 * (z6 - y[0]) * z6 * (1 - z6) * z[j]);
        for (const a of ['in_1', 'in_x', 'in_y']) {
          // ∂E/∂w_{a→j} = 2 (z_6 − y) σ(s_j)(1 − σ(s_j)) a σ(s_6)(1 − σ(s_6)) w_{j→6}
          expected.set(`${a}->${j}`, 2 * (z6 - y[0]) * z[j] * (1 - z[j]) * input[a] * z6 * (1 - z6) * w(j, '6'));
        }
      }
      forward(net, x);
      const error = backward(net, y);
      expectClose(error, (z6 - y[0]) ** 2);
      expect(expected.size).toBe(21);
      doc.edges.forEach((e, i) => expectClose(net.grad[i], expected.get(e.id)!, 1e-12));
    }
  });
});
