// `npm run bench`: the product's training code against the libraries a user could pick instead,
// side by side in one process on identical data, initial weights and η. Prints example-updates
// per main-thread CPU-second (median of BENCH_REPS interleaved runs), each contender's sanity
// (the loss falls, the weights stay finite), forward-only throughput for decision maps, and the
// memory of a compiled network, and the command line's own `train` as a process beside the kernel
// and a plain typed-array loop (bench/cli.ts). Not a test: nothing here asserts a timing.

import { compile, trainEpoch, type Example } from '../src/engine';
import { createTrainer, planKernel } from '../src/engine/kernel';
import {
  brainContender,
  engineContender,
  initTfjs,
  kernelContender,
  neatapticContender,
  synapticContender,
  tfjsContender,
  withEta,
  type Contender,
  type Run,
} from './contenders';
import { benchMaps, benchPairs, MAP_HEADER, PAIRS_HEADER } from './maps';
import { benchCli, CLI_HEADER } from './cli';
import { buildNative, nativeContender } from './native';
import { benchExamples, benchNets, type BenchNet } from './nets';
import { bytes, cpuSeconds, median, si, table } from './measure';
import { benchOptions, OPTIONS_HEADER } from './options';

const REPS = Number(process.env.BENCH_REPS ?? 9);
/** CPU seconds per measurement */
const SLICE = Number(process.env.BENCH_SECONDS ?? 0.15);

/** sequential η per net (the anchors' sanity must hold too); batch uses η / n (a mean gradient) */
const etaFor = (net: BenchNet): number => (net.layers?.length === 1 ? 0.5 : 0.1);

const CONTENDERS: Contender[] = [
  kernelContender('sequential'),
  engineContender('sequential'),
  synapticContender,
  neatapticContender,
  brainContender,
  tfjsContender('sequential'),
  kernelContender('batch'),
  engineContender('batch'),
  tfjsContender('batch'),
];

/** on the first net only: synaptic and neataptic at our own η, to show their rate does not depend on η */
const ETA_CHECKS: Contender[] = [withEta(synapticContender, 1, 'at our η'), withEta(neatapticContender, 1, 'at our η')];

interface Entry {
  contender: Contender;
  run: Run;
  epochs: number;
  rates: number[];
  before: number;
}

interface Result {
  name: string;
  mode: Contender['mode'];
  rate: number;
  sane: boolean;
}

function benchTraining(net: BenchNet, examples: Example[], extra: Contender[]): { rows: string[][]; results: Result[] } {
  const eta = etaFor(net);
  const entries: Entry[] = [...CONTENDERS, ...extra].filter((c) => c.supports(net)).map((contender) => {
    const base = contender.mode === 'batch' ? eta / examples.length : eta;
    const run = contender.create(net, examples, contender.eta ? contender.eta(base) : base);
    const before = run.loss();
    const once = run.measure ? (10 * examples.length) / run.measure(10) / 10 : cpuSeconds(() => run.epoch()); // also warms up
    return { contender, run, before, epochs: Math.max(1, Math.round(SLICE / Math.max(once, 1e-6))), rates: [] };
  });
  for (const e of entries) if (!e.run.measure) cpuSeconds(() => e.run.epoch()); // second warm-up, after calibration
  for (let r = 0; r < REPS; r++) {
    for (const e of entries) {
      if (e.run.measure) {
        e.rates.push(e.run.measure(e.epochs));
        continue;
      }
      const t = cpuSeconds(() => {
        for (let i = 0; i < e.epochs; i++) e.run.epoch();
      });
      e.rates.push((e.epochs * examples.length) / t);
    }
  }
  const ours = (mode: string) => median(entries.find((e) => e.contender.name.startsWith('ours') && e.contender.mode === mode)!.rates);
  const results: Result[] = [];
  const rows = entries.map((e) => {
    const rate = median(e.rates);
    const after = e.run.loss();
    const sane = after < (e.run.measure ? (e.run.firstEpochError?.() ?? e.before) : e.before) && e.run.finite();
    const isOurs = e.contender.name.startsWith('ours');
    const before = e.run.measure ? e.run.firstEpochError?.() ?? e.before : e.before;
    results.push({ name: e.contender.name, mode: e.contender.mode, rate, sane });
    return [
      e.contender.name,
      si(rate),
      isOurs ? '1.00' : (ours(e.contender.mode) / rate).toFixed(2),
      `${before.toPrecision(3)} → ${after.toPrecision(3)}${e.contender.eta ? ` (η ${e.contender.eta(1) === 1 ? '= ours' : `× ${e.contender.eta(1)}`})` : ''}`,
      sane ? 'ok' : 'BROKEN (ratio void)',
    ];
  });
  return { rows, results };
}

/** bit-for-bit agreement of the kernel with the pure engine after a few epochs, both modes */
function identical(net: BenchNet, examples: Example[]): boolean {
  return (['sequential', 'batch'] as const).every((mode) => {
    const settings = { ...net.doc.training, mode, learningRate: 0.1 / (mode === 'batch' ? examples.length : 1), shuffle: true };
    const engine = compile(net.doc);
    const trainer = createTrainer(compile(net.doc), examples);
    for (let epoch = 0; epoch < 3; epoch++) {
      trainer.trainEpoch({ ...settings, epoch });
      trainEpoch(engine, examples, { ...settings, epoch });
    }
    const w = trainer.weights();
    return w.every((v, i) => Object.is(v, engine.weights[i]));
  });
}

/** faster than every anchor; ≥ 2× the plain CSR loop on the larger nets; ≥ 0.5× the same loop in C */
function goalsFor(net: BenchNet, results: Result[]): string[][] {
  const ours = results.find((r) => r.name.startsWith('ours') && r.mode === 'sequential')!;
  const anchors = results.filter((r) => r.mode === 'sequential' && !r.name.startsWith('ours') && !r.name.startsWith('engine') && !r.name.startsWith('C ') && !r.name.includes('at our η'));
  const engine = results.find((r) => r.name.startsWith('engine') && r.mode === 'sequential')!;
  const native = results.filter((r) => r.name.startsWith('C '));
  const best = anchors.reduce((a, b) => (b.rate > a.rate ? b : a), anchors[0]);
  const rows = [['faster than every anchor', net.name, best ? `${(ours.rate / best.rate).toFixed(2)}× the fastest (${best.name})` : '-', best && anchors.every((a) => a.sane && ours.rate > a.rate) ? 'yes' : 'NO']];
  if (net.doc.edges.length > 100) rows.push(['≥ 2× the plain CSR loop', net.name, `${(ours.rate / engine.rate).toFixed(2)}×`, ours.rate >= 2 * engine.rate ? 'yes' : 'NO']);
  for (const c of native) rows.push([`≥ 0.5× ${c.name.replace(' (same CSR loop, native)', '')}`, net.name, `${(ours.rate / c.rate).toFixed(2)}×`, ours.rate >= 0.5 * c.rate ? 'yes' : 'NO']);
  return rows;
}

function benchMemory(net: BenchNet, examples: Example[]): string[] {
  let compiled = compile(net.doc);
  const arrays = Object.values(compiled).reduce((n, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
  const t = cpuSeconds(() => {
    compiled = compile(net.doc);
    createTrainer(compiled, examples, { uses: 'training' });
  });
  const trainer = createTrainer(compiled, examples, { uses: 'training' });
  const plan = planKernel(compiled, { uses: 'training' });
  return [net.name, plan.strategy, bytes(arrays), bytes(plan.bytes.length), bytes(trainer.memoryBytes), `${(t * 1000).toFixed(1)} ms`];
}

async function main(): Promise<void> {
  await initTfjs();
  const examples = benchExamples(200);
  const nets = benchNets(examples);
  const bins = buildNative(['-O2', '-O3']);
  console.log(`Backprop Studio engine benchmark — Node ${process.version}, ${REPS} interleaved runs per figure (median), ${examples.length} examples, float64 unless noted.`);
  console.log('Rates are example-updates per main-thread CPU-second (batch: examples per second, one update per epoch).');
  console.log('"ours ÷ this" > 1 means the product is faster. E = Σ(h − y)² over the examples before and after the timed runs (C: summed during its first and last epoch).');
  console.log('A contender whose loss did not fall or whose weights are not finite is marked BROKEN and its ratio means nothing.\n');
  const goals: string[][] = [];
  for (const net of nets) {
    console.log(`## ${net.name} (${net.doc.edges.length} weights), sequential η = ${etaFor(net)}, batch η = ${etaFor(net)}/${examples.length}`);
    const native = bins ? [...bins].map(([level, bin]) => nativeContender(level, bin)) : [];
    const { rows, results } = benchTraining(net, examples, [...(net === nets[0] ? ETA_CHECKS : []), ...native]);
    goals.push(...goalsFor(net, results));
    if (!bins) rows.push(['C (no cc found: skipped)', '-', '-', '-', '-']);
    console.log(table(['contender', 'updates/s', 'ours ÷ this', 'E before → after', 'sanity'], rows));
    console.log(`kernel weights = pure engine weights, bit for bit (3 epochs, both modes): ${identical(net, examples) ? 'yes' : 'NO'}\n`);
  }
  console.log('## The command line: `backprop train` as a real process (issue 14), sequential, η = 0.1, example-updates per CPU-second');
  console.log('Start-up excluded: each figure is (extra epochs × examples) ÷ (extra seconds) between two epoch counts. Medians of interleaved runs.');
  const cliBench = benchCli(nets.filter((n) => n.layers?.length !== 1), examples, Math.min(REPS, 5));
  console.log(table(CLI_HEADER, cliBench.rows));
  goals.push(...cliBench.goals);
  console.log('');
  console.log('## Format version 2\'s options in the kernel (issue 13): each alone beside plain v1 on the same net, sequential η = 0.1, shuffled');
  for (const net of nets.slice(0, 2)) {
    const options = benchOptions(net, examples, Math.min(REPS, 5), SLICE / 2);
    console.log(`${net.name}`);
    console.log(table(OPTIONS_HEADER, options.rows));
    goals.push(['no version-2 option below 0.5× v1 (issue 13)', net.name, `lowest ${options.lowest.toFixed(2)}×`, options.lowest >= 0.5 ? 'yes' : 'NO']);
  }
  console.log('');
  console.log('## Goals (issues 6, 13 and 14), on this machine');
  console.log(table(['goal', 'net', 'measured', 'met'], goals));
  console.log('');
  console.log('## Decision maps: forward passes only, every node’s z at each grid point (the map and every thumbnail at once)');
  for (const net of nets) {
    console.log(`${net.name}`);
    console.log(table(MAP_HEADER, benchMaps(net)));
    console.log(table(PAIRS_HEADER, benchPairs(net)));
  }
  console.log('\n## Memory of a compiled network (and the time to compile it, emit + instantiate the training worker\'s kernel, load the examples)');
  console.log(table(['net', 'kernel', 'Net typed arrays', 'wasm module (training)', 'wasm memory (with examples)', 'build time (CPU)'], nets.map((n) => benchMemory(n, examples))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
