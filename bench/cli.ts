// The command line's own `train` path (the built bin, a real process per run) beside the kernel and
// a plain hand-written typed-array CSR loop (bench/plainLoop.ts) in this process. Start-up is excluded by timing
// two epoch counts per run and dividing the extra epochs by the extra time. CPU seconds everywhere
// (robust on a shared machine; the child's from bash's \`times\`), medians of interleaved runs.
// And `check`'s start-up on the tutorial file, from spawn to exit, beside `node -e 0`'s in the same
// run (the anchor: what any node program pays), quiet and with a busy neighbour process.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, serializeGraph, type Example, type GraphDoc, type TrainingSettings } from '../src/engine';
import { plainLoop } from './plainLoop';
import { createTrainer } from '../src/engine/kernel';
import type { BenchNet } from './nets';
import { cpuSeconds, median, si, table } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'out/cli/backprop.mjs');
const TUTORIAL = join(ROOT, 'examples/tutorial-2-5-1.bpgraph.json');
/** issue 14: `check` on the tutorial file from start to exit */
const STARTUP_GOAL_MS = 150;
const STARTUP_RUNS = 10;

function buildBin(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** a command's whole CPU time as a child process (user + system, from bash's `times`) */
function childCpuSeconds(args: string[]): number {
  const command = `${args.map(quote).join(' ')} >/dev/null || exit 1; times`;
  const r = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const children = r.stdout.trim().split('\n').at(-1)!; // "0m1.234s 0m0.050s"
  return children.split(' ').reduce((sum, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    if (!m) throw new Error(`cannot read bash's times: ${r.stdout}`);
    return sum + 60 * Number(m[1]) + Number(m[2]);
  }, 0);
}

/** `backprop train FILE --epochs N` as a child process: its whole CPU time */
function cliSeconds(file: string, epochs: number): number {
  return childCpuSeconds([process.execPath, BIN, 'train', file, '--epochs', String(epochs)]);
}

/** milliseconds from spawning `node args…` to its exit (stdout discarded) */
function wallMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

interface StartupSample {
  wall: number[];
  cpu: number[];
}

/** min–median–max */
const range = (values: number[]): string => `${Math.min(...values).toFixed(0)}–${median(values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

/** `runs` interleaved pairs: the anchor `node -e 0`, then `backprop check` on the tutorial file; wall and CPU milliseconds of each */
function startupRuns(runs: number): { anchor: StartupSample; check: StartupSample } {
  const anchor: StartupSample = { wall: [], cpu: [] };
  const check: StartupSample = { wall: [], cpu: [] };
  const anchorArgs = ['-e', '0'];
  const checkArgs = [BIN, 'check', TUTORIAL];
  for (let r = 0; r < runs; r++) {
    anchor.wall.push(wallMs(anchorArgs));
    check.wall.push(wallMs(checkArgs));
    anchor.cpu.push(1000 * childCpuSeconds([process.execPath, ...anchorArgs]));
    check.cpu.push(1000 * childCpuSeconds([process.execPath, ...checkArgs]));
  }
  return { anchor, check };
}

/** a process spinning on one core while `fn` runs (the neighbour a shared machine has), ended by its pid */
function withBusyNeighbour<T>(fn: () => T): T {
  const neighbour = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  try {
    return fn();
  } finally {
    neighbour.kill();
  }
}

export const STARTUP_HEADER = ['condition (load average)', 'node -e 0 wall ms', 'check wall ms', 'check ÷ node (wall)', 'node -e 0 CPU ms', 'check CPU ms', 'check − node (CPU)'];

/** `check` on the tutorial file from spawn to exit beside `node -e 0`, quiet and with a busy neighbour: min–median–max over `runs` */
export function benchStartup(runs: number): CliBench {
  buildBin();
  const rows: string[][] = [];
  const goals: string[][] = [];
  for (const [condition, measure] of [
    ['quiet', () => startupRuns(runs)],
    ['busy neighbour', () => withBusyNeighbour(() => startupRuns(runs))],
  ] as const) {
    const load = loadavg()[0].toFixed(1);
    const { anchor, check } = measure();
    const [a, c] = [median(anchor.wall), median(check.wall)];
    rows.push([`${condition} (${load})`, range(anchor.wall), range(check.wall), (c / a).toFixed(2), range(anchor.cpu), range(check.cpu), `${(median(check.cpu) - median(anchor.cpu)).toFixed(0)} ms`]);
    goals.push([`CLI check start-up ≤ ${STARTUP_GOAL_MS} ms, wall (${condition})`, 'tutorial 2-5-1', `${c.toFixed(0)} ms (node -e 0: ${a.toFixed(0)} ms)`, c <= STARTUP_GOAL_MS ? 'yes' : 'NO']);
    // on a loaded machine the wall clock mostly measures the queue for a core; the process's own CPU time is what an idle machine's wall clock would show
    const cpu = median(check.cpu);
    goals.push([`CLI check start-up ≤ ${STARTUP_GOAL_MS} ms, CPU (${condition})`, 'tutorial 2-5-1', `${cpu.toFixed(0)} ms (node -e 0: ${median(anchor.cpu).toFixed(0)} ms)`, cpu <= STARTUP_GOAL_MS ? 'yes' : 'NO']);
  }
  return { rows, goals };
}

type InProcess = (epochs: number) => number;

function kernelRun(doc: GraphDoc, examples: Example[], settings: TrainingSettings): InProcess {
  const trainer = createTrainer(compile(doc));
  trainer.setExamples(examples);
  let epoch = 0;
  return (epochs) => cpuSeconds(() => {
    for (let i = 0; i < epochs; i++) trainer.trainEpoch({ ...settings, epoch: epoch++ });
  });
}

function plainLoopRun(doc: GraphDoc, examples: Example[], eta: number): InProcess {
  const epoch = plainLoop(doc, examples, eta);
  return (epochs) => cpuSeconds(() => {
    for (let i = 0; i < epochs; i++) epoch();
  });
}

export interface CliBench {
  rows: string[][];
  goals: string[][];
}

/** example-updates per second from the difference of two epoch counts */
const rateOf = (examples: number, few: number, many: number, tFew: number, tMany: number): number => ((many - few) * examples) / Math.max(tMany - tFew, 1e-9);

export function benchCli(nets: BenchNet[], examples: Example[], reps: number): CliBench {
  buildBin();
  const startup = benchStartup(STARTUP_RUNS);
  console.log(`### \`backprop check\` on the tutorial file, spawn to exit, beside \`node -e 0\` (the anchor), min–median–max of ${STARTUP_RUNS} interleaved runs`);
  console.log(table(STARTUP_HEADER, startup.rows));
  console.log('\n### `backprop train`');
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const rows: string[][] = [];
  const goals: string[][] = [...startup.goals];
  try {
    for (const net of nets) {
      const doc: GraphDoc = { ...net.doc, dataset: { examples }, training: { ...net.doc.training, learningRate: 0.1 } };
      const file = join(dir, 'net.bpgraph.json');
      writeFileSync(file, serializeGraph(doc));
      const kernel = kernelRun(doc, examples, doc.training);
      kernel(3); // warm-up
      const perEpoch = kernel(20) / 20;
      const few = Math.max(1, Math.round(0.15 / perEpoch));
      const many = few + Math.max(2, Math.round(0.8 / perEpoch));
      const plain = plainLoopRun(doc, examples, doc.training.learningRate);
      plain(2);
      const rates = { cli: [] as number[], kernel: [] as number[], plain: [] as number[] };
      for (let r = 0; r < reps; r++) {
        rates.cli.push(rateOf(examples.length, few, many, cliSeconds(file, few), cliSeconds(file, many)));
        rates.kernel.push(rateOf(examples.length, few, many, kernel(few), kernel(many)));
        rates.plain.push(rateOf(examples.length, few, many, plain(few), plain(many)));
      }
      const [cli, k, p] = [median(rates.cli), median(rates.kernel), median(rates.plain)];
      rows.push([net.name, `${few} vs ${many}`, si(cli), si(k), si(p), (cli / k).toFixed(2), (cli / p).toFixed(2)]);
      goals.push(['CLI train ≥ 2× the plain CSR loop', net.name, `${(cli / p).toFixed(2)}×`, cli >= 2 * p ? 'yes' : 'NO']);
      goals.push(['CLI train ≥ 0.8× the kernel in-process', net.name, `${(cli / k).toFixed(2)}×`, cli >= 0.8 * k ? 'yes' : 'NO']);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, goals };
}

export const CLI_HEADER = ['net', 'epochs timed', 'CLI train', 'kernel in-process', 'plain CSR loop', 'CLI ÷ kernel', 'CLI ÷ plain'];

/** `npx tsx bench/cli.ts startup [RUNS]`: the start-up figures alone */
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'startup') {
  const { rows, goals } = benchStartup(Number(process.argv[3] ?? 10));
  console.log(table(STARTUP_HEADER, rows));
  console.log(table(['goal', 'net', 'measured', 'met'], goals));
}
