// The command line's own `train` path (the built bin, a real process per run) beside the kernel and
// a plain hand-written typed-array CSR loop (bench/plainLoop.ts) in this process. Start-up is excluded by timing
// two epoch counts per run and dividing the extra epochs by the extra time. CPU seconds everywhere
// (robust on a shared machine; the child's from bash's \`times\`), medians of interleaved runs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, serializeGraph, type Example, type GraphDoc, type TrainingSettings } from '../src/engine';
import { plainLoop } from './plainLoop';
import { createTrainer } from '../src/engine/kernel';
import type { BenchNet } from './nets';
import { cpuSeconds, median, si } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'out/cli/backprop.mjs');

function buildBin(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** `backprop train FILE --epochs N` as a child process: its whole CPU time (user + system, from bash's `times`) */
function cliSeconds(file: string, epochs: number): number {
  const command = `${quote(process.execPath)} ${quote(BIN)} train ${quote(file)} --epochs ${epochs} >/dev/null || exit 1; times`;
  const r = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`train failed: ${r.stderr}`);
  const children = r.stdout.trim().split('\n').at(-1)!; // "0m1.234s 0m0.050s"
  return children.split(' ').reduce((sum, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    if (!m) throw new Error(`cannot read bash's times: ${r.stdout}`);
    return sum + 60 * Number(m[1]) + Number(m[2]);
  }, 0);
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
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const rows: string[][] = [];
  const goals: string[][] = [];
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
