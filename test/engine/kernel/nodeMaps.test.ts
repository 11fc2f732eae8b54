import { describe, expect, it } from 'vitest';
import { compile, createRng, forward } from '../../../src/engine';
import { NodeMapper, createTrainer } from '../../../src/engine/kernel';
import { TWO_FIVE_ONE, loadFixture } from '../helpers';

describe('NodeMapper', () => {
  it.each(['unrolled', 'looped', 'engine'] as const)('%s: fills every node’s map with Math.fround of the engine’s z, at the given offset', (strategy) => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const mapper = new NodeMapper(createTrainer(compile(doc), [], { strategy }));
    const rng = createRng(9);
    const weights = Float64Array.from(net.weights, () => 2 * rng.next() - 1);
    mapper.setWeights(weights);
    net.weights.set(weights);
    const count = 7;
    const xy = Float64Array.from({ length: 2 * count }, () => 2 * rng.next() - 1);
    const values = Array.from({ length: net.numNodes }, () => new Float32Array(20).fill(-9));
    mapper.fill(xy, count, values, 5);
    for (let i = 0; i < count; i++) {
      forward(net, [xy[2 * i], xy[2 * i + 1]]);
      for (let k = 0; k < net.numNodes; k++) expect(values[k][5 + i]).toBe(Math.fround(net.z[k]));
    }
    expect(values[0][4]).toBe(-9); // nothing written outside the range
    expect(values[0][5 + count]).toBe(-9);
  });
});
