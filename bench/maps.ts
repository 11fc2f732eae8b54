// The decision-map part of the benchmark: every node's z over a grid, the kernel's nodeValues
// against the engine's forward per cell, and the app's own path (NodeMapper.fill in chunks of
// 1000 cells, as gridMapper.ts calls it in the map worker); and the two-lane map path against the
// scalar one, with what each module costs to build. `npx tsx bench/maps.ts` runs it alone.

import { pathToFileURL } from 'node:url';
import { compile, forward } from '../src/engine';
import { NodeMapper, createTrainer, planKernel, type KernelUses } from '../src/engine/kernel';
import { benchExamples, benchNets, type BenchNet } from './nets';
import { cpuSeconds, median, si, table } from './measure';

const REPS = Number(process.env.BENCH_REPS ?? 9);
/** cells per NodeMapper.fill call in the app (src/renderer/src/data/gridMapper.ts) */
const APP_CHUNK = 1000;

export function gridPoints(side: number): Float64Array {
  const points = new Float64Array(2 * side * side);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      points[2 * (i * side + j)] = -1 + (2 * (j + 0.5)) / side;
      points[2 * (i * side + j) + 1] = 1 - (2 * (i + 0.5)) / side;
    }
  }
  return points;
}

/** median CPU seconds of each function over REPS interleaved runs (after one warm-up each) */
function interleaved(fns: (() => void)[]): number[] {
  const times = fns.map(() => [] as number[]);
  fns.forEach((fn) => fn());
  for (let r = 0; r < REPS; r++) fns.forEach((fn, f) => times[f].push(cpuSeconds(fn)));
  return times.map(median);
}

/** every node's z over a grid (what the app's decision map and thumbnails need): kernel nodeValues, the app's chunked NodeMapper.fill, and the engine's forward per cell */
export function benchMaps(net: BenchNet): string[][] {
  const rows: string[][] = [];
  for (const side of [100, 200]) {
    const points = gridPoints(side);
    const count = side * side;
    const trainer = createTrainer(compile(net.doc), [], { uses: 'maps' });
    const n = trainer.numNodes;
    const all = new Float32Array(count * n);
    const mapper = new NodeMapper(createTrainer(compile(net.doc), [], { uses: 'maps' }));
    const engineNet = compile(net.doc);
    const perNode = Array.from({ length: n }, () => new Float32Array(count));
    const x = new Float64Array(2);
    const engineMap = () => {
      for (let i = 0; i < count; i++) {
        x[0] = points[2 * i];
        x[1] = points[2 * i + 1];
        forward(engineNet, x);
        for (let k = 0; k < n; k++) perNode[k][i] = engineNet.z[k];
      }
    };
    const kernelMap = () => void trainer.nodeValues(points, count, all);
    const appMap = () => {
      for (let at = 0; at < count; at += APP_CHUNK) {
        const chunk = Math.min(APP_CHUNK, count - at);
        mapper.fill(points.subarray(2 * at, 2 * (at + chunk)), chunk, perNode, at);
      }
    };
    const [k, a, e] = interleaved([kernelMap, appMap, engineMap]);
    rows.push([`${side}×${side}`, `${(k * 1000).toFixed(2)} ms`, si(count / k), `${(a * 1000).toFixed(2)} ms`, `${(e * 1000).toFixed(2)} ms`, si(count / e), (e / k).toFixed(2)]);
  }
  return rows;
}

export const MAP_HEADER = ['grid', 'ours: map', 'ours: forwards/s', 'app: NodeMapper.fill', 'engine: map', 'engine: forwards/s', 'ours ÷ engine'];

/** CPU seconds to emit a module and compile it (what a worker pays once per topology) */
function buildSeconds(net: BenchNet, uses: KernelUses, simd: boolean): number {
  const wasm = (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => object } }).WebAssembly;
  const compiled = compile(net.doc);
  return cpuSeconds(() => void new wasm.Module(planKernel(compiled, { uses, simd }).bytes));
}

/**
 * the two-lane (f64x2) map path against the scalar one: a 100×100 map, the map module's size and
 * build time (emit + compile, median of REPS), and what the training worker's module costs without it
 */
export function benchPairs(net: BenchNet): string[][] {
  const side = 100;
  const points = gridPoints(side);
  const count = side * side;
  const pairs = createTrainer(compile(net.doc), [], { uses: 'maps' });
  const scalar = createTrainer(compile(net.doc), [], { uses: 'maps', simd: false });
  const out = new Float32Array(count * pairs.numNodes);
  const [p, q] = interleaved([() => void pairs.nodeValues(points, count, out), () => void scalar.nodeValues(points, count, out)]);
  const compiled = compile(net.doc);
  const size = (uses: KernelUses, simd: boolean) => `${(planKernel(compiled, { uses, simd }).bytes.length / 1024).toFixed(1)} KiB`;
  const build = (uses: KernelUses, simd: boolean) => `${(1000 * median(Array.from({ length: REPS }, () => buildSeconds(net, uses, simd)))).toFixed(1)} ms`;
  return [
    ['maps, two-lane (f64x2)', `${(p * 1000).toFixed(2)} ms`, size('maps', true), build('maps', true)],
    ['maps, scalar', `${(q * 1000).toFixed(2)} ms`, size('maps', false), build('maps', false)],
    ['training (trainSequential, trainBatch, predict)', '-', size('training', true), build('training', true)],
    ['all (before: one module for both workers)', '-', size('all', true), build('all', true)],
  ];
}

export const PAIRS_HEADER = ['module', '100×100 map (nodeValues)', 'module size', 'emit + compile (CPU)'];

function main(): void {
  for (const net of benchNets(benchExamples(200))) {
    console.log(`${net.name}`);
    console.log(table(MAP_HEADER, benchMaps(net)));
    console.log(table(PAIRS_HEADER, benchPairs(net)));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
