import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, createRng, forward, type GraphDoc, type Net } from '../../../../src/engine';
import { createTrainer, planKernel } from '../../../../src/engine/kernel';
import { blockPoints } from '../../../../src/engine/kernel/pairs/blocks';
import { requireWasm } from '../../../../src/engine/kernel/wasmApi';
import { arbitraryDag } from '../../helpers';

// nodeValues with pairs of points in f64x2 lanes (the decision maps' pass) must give, for every
// node at every point, Math.fround of the engine's z: whatever the count (odd, even, a block and
// more), the activations, and the points, including ones far outside the maps' plane (where e^x
// and tanh leave the f64x2 code's range and the block is redone by the scalar code).

/** the engine's z of every node at each point, f32-rounded, point-major as nodeValues writes them */
function engineValues(net: Net, points: Float64Array, count: number, xStride: number): Float32Array {
  const out = new Float32Array(count * net.numNodes);
  for (let i = 0; i < count; i++) {
    forward(net, points.subarray(i * xStride, (i + 1) * xStride));
    for (let k = 0; k < net.numNodes; k++) out[i * net.numNodes + k] = net.z[k];
  }
  return out;
}

function expectSameValues(actual: Float32Array, expected: Float32Array, n: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`point ${Math.floor(i / n)}, node ${i % n}: f64x2 ${actual[i]} ≠ engine ${expected[i]}`);
  }
}

/** values a point may take: the plane, and far beyond it (huge, tiny, ±0, ±∞, NaN) */
const EXTREMES = [0, -0, 1e-310, -1e-310, 3, -3, 40, -40, 700, -800, 1e6, -1e6, 1e300, -1e300, Infinity, -Infinity, NaN];

function randomPoints(count: number, xStride: number, seed: number, extremes: boolean): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count * xStride }, () => (extremes && rng.next() < 0.3 ? EXTREMES[Math.floor(rng.next() * EXTREMES.length)] : 4 * rng.next() - 2));
}

const COUNTS = [0, 1, 2, 3, 7, 8, 9, 16, 17, 63, 64, 65, 130];

describe('nodeValues with points in f64x2 lanes', () => {
  it('gives the engine’s z of every node on random DAGs with every activation, for odd and even counts and across blocks', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 14, maxOutputs: 3 }), fc.constantFrom(...COUNTS), fc.integer({ min: 1, max: 1000 }), (doc, count, seed) => {
        const net = compile(doc);
        const trainer = createTrainer(compile(doc), [], { strategy: 'unrolled' });
        const points = randomPoints(count, trainer.xStride, seed, false);
        expectSameValues(trainer.nodeValues(points, count), engineValues(net, points, count, trainer.xStride), net.numNodes);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the engine’s z at extreme points and with large weights, where e^x and tanh hand lanes to the scalar code', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 10, maxOutputs: 2 }), fc.constantFrom(...COUNTS), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 40, 1000), (doc, count, seed, scale) => {
        const net = compile(doc);
        net.weights.forEach((w, e) => (net.weights[e] = w * scale));
        const trainer = createTrainer(compile(doc), [], { strategy: 'unrolled' });
        trainer.setWeights(net.weights);
        const points = randomPoints(count, trainer.xStride, seed, true);
        expectSameValues(trainer.nodeValues(points, count), engineValues(net, points, count, trainer.xStride), net.numNodes);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the scalar kernel’s values (the same doubles, rounded to f32) on a 200-neuron DAG over a grid', () => {
    const doc = bigDag(200, 2000);
    const points = new Float64Array(2 * 1001);
    for (let i = 0; i < 1001; i++) [points[2 * i], points[2 * i + 1]] = [Math.cos(i) * 1.2, Math.sin(3 * i)];
    const pairs = createTrainer(compile(doc), [], { strategy: 'unrolled' });
    const scalar = createTrainer(compile(doc), [], { strategy: 'unrolled', simd: false });
    expectSameValues(pairs.nodeValues(points, 1001), scalar.nodeValues(points, 1001), pairs.numNodes);
    expect(blockPoints(pairs.numNodes)).toBeLessThan(1001); // several blocks, the last one partial
  });

  it('writes the rows of the given points only, nothing past the last', () => {
    const doc = bigDag(12, 60);
    const net = compile(doc);
    const plan = planKernel(net, { strategy: 'unrolled' });
    const wasm = requireWasm();
    const memory = new wasm.Memory({ initial: Math.ceil(plan.end / 65536) + 2 });
    const kernel = new wasm.Instance(new wasm.Module(plan.bytes), { env: { memory } }).exports as { nodeValues(x: number, out: number, count: number): void };
    const n = net.numNodes;
    for (const count of [1, 5, 8, 9, 23]) {
      const x = plan.end;
      const out = x + 8 * plan.xStride * 32;
      new Float64Array(memory.buffer, x, 32 * plan.xStride).fill(0.25);
      const rows = new Float32Array(memory.buffer, out, (count + 2) * n).fill(-7);
      kernel.nodeValues(x, out, count);
      expect(rows.subarray(0, count * n).every((v) => v !== -7)).toBe(true);
      expect(rows.subarray(count * n).every((v) => v === -7)).toBe(true);
    }
  });

  it('blocks hold a whole number of steps and stay small for big nets', () => {
    for (const n of [3, 68, 203, 2000, 8000]) {
      const points = blockPoints(n);
      expect(points % 8).toBe(0);
      expect(points).toBeGreaterThanOrEqual(8);
      expect(points * n * 8).toBeLessThanOrEqual(Math.max(256 * 1024, 8 * n * 8));
    }
  });
});

/** `neurons` sigmoid/tanh/relu/linear neurons in a chain of skip connections (as the benchmark's DAG) */
function bigDag(neurons: number, edges: number): GraphDoc {
  const rng = createRng(4);
  const acts = ['sigmoid', 'tanh', 'relu', 'linear'] as const;
  const ids = ['b', 'x0', 'x1', ...Array.from({ length: neurons }, (_, k) => `n${k}`)];
  const nodes: GraphDoc['nodes'] = [
    { id: 'b', type: 'bias' },
    { id: 'x0', type: 'input', feature: 0 },
    { id: 'x1', type: 'input', feature: 1 },
    ...Array.from({ length: neurons }, (_, k) =>
      k === neurons - 1 ? { id: `n${k}`, type: 'neuron' as const, activation: 'sigmoid' as const, output: 0 } : { id: `n${k}`, type: 'neuron' as const, activation: acts[k % 4] },
    ),
  ];
  const seen = new Set<string>();
  const list: GraphDoc['edges'] = [];
  const add = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from >= to || to < 3 || seen.has(key)) return;
    seen.add(key);
    list.push({ id: `e${list.length}`, source: ids[from], target: ids[to], weight: 3 * rng.next() - 1.5 });
  };
  for (let to = 3; to < ids.length; to++) {
    add(0, to);
    add(1 + Math.floor(rng.next() * (to - 1)), to);
  }
  while (list.length < edges) {
    const to = 3 + Math.floor(rng.next() * neurons);
    add(1 + Math.floor(rng.next() * (to - 1)), to);
  }
  return { nodes, edges: list, dataset: { examples: [] }, training: {} as GraphDoc['training'] };
}
