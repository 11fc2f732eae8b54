import { describe, expect, it } from 'vitest';
import { compile, forward, GraphFileError } from '../../../src/engine';
import { parseSequential, type SequentialJson } from '../../../src/engine/export';

const model = (): SequentialJson => ({
  format: 'torch.nn.Sequential',
  layers: [
    { index: 0, kind: 'Linear', in_features: 2, out_features: 2, bias: true },
    { index: 1, kind: 'Sigmoid' },
    { index: 2, kind: 'Linear', in_features: 2, out_features: 1, bias: true },
  ],
  state_dict: { '0.weight': [[1, 2], [3, 4]], '0.bias': [0.5, -0.5], '2.weight': [[-1, 1]], '2.bias': [0.25] },
});

describe('parseSequential', () => {
  it('maps Linear weights to edges and biases to edges from in_1, computing the same function', () => {
    const doc = parseSequential(JSON.stringify(model()));
    expect(doc.edges.find((e) => e.id === 'in_y->L1_2')!.weight).toBe(4);
    expect(doc.edges.find((e) => e.id === 'in_1->L2_1')!.weight).toBe(0.25);
    const net = compile(doc);
    forward(net, [0.1, 0.2]);
    const sig = (s: number) => 1 / (1 + Math.exp(-s));
    const h = -sig(0.1 + 0.4 + 0.5) + sig(0.3 + 0.8 - 0.5) + 0.25;
    expect(net.z[net.outputNode[0]]).toBeCloseTo(h, 14);
  });

  it('refuses, with the place: a bare state_dict, shapes that do not chain, an activation first, a missing tensor', () => {
    const cases: [unknown, RegExp][] = [
      [model().state_dict, /bare state_dict.*sequential_to_json\.py/],
      [{ ...model(), layers: [model().layers[0], { index: 2, kind: 'Linear', in_features: 3, out_features: 1, bias: true }] }, /layers\[1\]\.in_features: layer 2 takes 3 inputs but the layer before gives 2/],
      [{ ...model(), layers: [{ index: 0, kind: 'Tanh' }, ...model().layers] }, /layers\[0\]: layer 0 \(Tanh\) must follow a Linear layer/],
      [{ ...model(), state_dict: { ...model().state_dict, '2.weight': [[1, 2, 3]] } }, /'2\.weight' should be 1×2/],
      [{ ...model(), state_dict: { '0.weight': [[1, 2], [3, 4]], '0.bias': [0, 0] } }, /the state_dict has no '2\.weight'/],
      [{ ...model(), layers: [{ index: 0, kind: 'Conv2d' }] }, /layers\[0\]/],
    ];
    for (const [value, message] of cases) {
      expect(() => parseSequential(JSON.stringify(value))).toThrow(GraphFileError);
      expect(() => parseSequential(JSON.stringify(value))).toThrow(message);
    }
    expect(() => parseSequential('{')).toThrow(/not valid JSON/);
  });
});
