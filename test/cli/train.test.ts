// `train` through the real bin: the kernel's weights are the engine's bit for bit; overrides,
// --reset, --log, several files with --out-dir, the engine fallback, and Ctrl+C.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluateSplit, initWeights, type Evaluation, serializeGraph, trainEpochs, type GraphDoc, type TrainingSettings } from '../../src/engine';
import { BIN, buildCli, cli, FIXTURES, loadDoc, ROOT, startCli, TWO_FIVE_ONE } from './helpers';

const EVERY_OPTION = join(FIXTURES, 'every-option.bpgraph.json');
import { randomDag } from '../engine/export/graphs';

const temp = mkdtempSync(join(tmpdir(), 'bp-train-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(name: string, doc: GraphDoc): string {
  const file = join(temp, name);
  writeFileSync(file, serializeGraph(doc));
  return file;
}

/** the engine's weights after `epochs` epochs of `doc` with these settings */
function engineWeights(doc: GraphDoc, epochs: number, settings: TrainingSettings = doc.training): number[] {
  const net = compile(doc);
  trainEpochs(net, doc.dataset.examples, settings, epochs);
  return Array.from(net.weights);
}

const weightsOf = (stdout: string): number[] => Object.values(JSON.parse(stdout).weights as Record<string, number>);

describe('train runs the WebAssembly kernel', () => {
  it('gives the engine’s weights bit for bit (shuffled, from a saved epoch)', () => {
    const doc = randomDag(3, 40, 120, 50, { shuffle: true, seed: 12, epoch: 4 });
    const r = cli('train', write('dag.json', doc), '--epochs', '6', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.trainer).toBe('kernel');
    expect(out.epoch).toBe(10);
    expect(weightsOf(r.stdout)).toEqual(engineWeights(doc, 6));
  });

  it('falls back to the engine, saying so, where WebAssembly is missing (node --jitless)', () => {
    const r = spawnSync(process.execPath, ['--jitless', BIN, 'train', TWO_FIVE_ONE, '--epochs', '3', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^note: .*the WebAssembly kernel is not used \(.+\); training with the pure engine/m);
    expect(JSON.parse(r.stdout).trainer).toBe('engine');
    expect(weightsOf(r.stdout)).toEqual(engineWeights(loadDoc(TWO_FIVE_ONE), 3));
  });
});

describe('overrides', () => {
  it('--eta --mode --shuffle --seed replace the file’s settings, and the written file keeps them', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    const out = join(temp, 'overridden.json');
    const r = cli('train', TWO_FIVE_ONE, '--epochs', '4', '--eta', '0.2', '--shuffle', '--seed', '77', '--out', out, '--json');
    expect(r.code).toBe(0);
    const settings = { ...doc.training, learningRate: 0.2, shuffle: true, seed: 77 };
    expect(weightsOf(r.stdout)).toEqual(engineWeights(doc, 4, settings));
    expect(loadDoc(out).training).toMatchObject({ learningRate: 0.2, shuffle: true, seed: 77, epoch: 4 });
    const batch = cli('train', TWO_FIVE_ONE, '--epochs', '3', '--mode', 'batch', '--eta=0.01', '--json');
    expect(weightsOf(batch.stdout)).toEqual(engineWeights(doc, 3, { ...doc.training, mode: 'batch', learningRate: 0.01 }));
  });

  it('--reset re-draws every weight from the seed and starts again at epoch 0', () => {
    const trained = join(temp, 'trained-before.json');
    expect(cli('train', TWO_FIVE_ONE, '--epochs', '2', '--out', trained).code).toBe(0);
    const r = cli('train', trained, '--epochs', '3', '--reset', '--seed', '5', '--json');
    const fresh = initWeights({ ...loadDoc(TWO_FIVE_ONE), training: { ...loadDoc(TWO_FIVE_ONE).training, seed: 5, epoch: 0 } }, 5);
    expect(JSON.parse(r.stdout).epoch).toBe(3);
    expect(weightsOf(r.stdout)).toEqual(engineWeights(fresh, 3));
  });
});

describe('--log', () => {
  it('writes E, mean E, accuracy and MSE after every epoch, train and test apart, as the engine evaluates them', () => {
    const log = join(temp, 'log.csv');
    const doc = loadDoc(TWO_FIVE_ONE);
    const split = { ...doc, dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i % 4 === 0 ? { ...ex, test: true } : ex)) } };
    expect(cli('train', write('split.json', split), '--epochs', '5', '--log', log).code).toBe(0);
    const [header, ...rows] = readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(header).toBe('epoch,E,mean_E,accuracy,MSE,test_E,test_mean_E,test_accuracy,test_MSE');
    const net = compile(split);
    const cols = (e: Evaluation): string => `${e.error},${e.meanError},${e.accuracy},${e.meanSquaredError}`;
    const expected = [1, 2, 3, 4, 5].map((epoch) => {
      trainEpochs(net, split.dataset.examples, { ...split.training, epoch: epoch - 1 }, 1);
      const e = evaluateSplit(net, split.dataset.examples);
      expect(e.testCount).toBe(15);
      return `${epoch},${cols(e.train)},${cols(e.test)}`;
    });
    expect(rows).toEqual(expected);
  });
});

describe('version 2 settings', () => {
  it('--mode minibatch --batch-size --l2 --momentum train as the engine does, in the kernel, velocities written back', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    const out = join(temp, 'momentum.json');
    const r = cli('train', TWO_FIVE_ONE, '--epochs', '4', '--mode', 'minibatch', '--batch-size', '7', '--l2', '0.001', '--momentum', '0.8', '--shuffle', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/kernel is not used/);
    const settings = { ...doc.training, mode: 'minibatch' as const, batchSize: 7, regularization: { kind: 'L2' as const, rate: 0.001 }, momentum: 0.8, shuffle: true };
    const net = compile({ ...doc, training: settings });
    trainEpochs(net, doc.dataset.examples, settings, 4);
    expect(JSON.parse(r.stdout).trainer).toBe('kernel');
    expect(weightsOf(r.stdout)).toEqual(Array.from(net.weights));
    const written = loadDoc(out);
    expect(written.training).toMatchObject({ mode: 'minibatch', batchSize: 7, momentum: 0.8, regularization: { kind: 'L2', rate: 0.001 } });
    expect(written.edges.map((e) => e.velocity ?? 0)).toEqual(Array.from(net.velocity));
    expect(net.velocity.some((v) => v !== 0)).toBe(true);
  });

  it('--loss crossEntropy and --l1 on a sigmoid output; --no-reg switches the file’s regulariser off', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    const ce = { ...doc.training, loss: 'crossEntropy' as const, regularization: { kind: 'L1' as const, rate: 0.01 } };
    const r = cli('train', TWO_FIVE_ONE, '--epochs', '3', '--loss', 'crossEntropy', '--l1', '0.01', '--json');
    expect(r.code).toBe(0);
    expect(weightsOf(r.stdout)).toEqual(engineWeights({ ...doc, training: ce }, 3, ce));
    const regFile = write('l1.json', { ...doc, training: ce });
    const off = cli('train', regFile, '--epochs', '3', '--no-reg', '--loss', 'squared', '--json');
    expect(JSON.parse(off.stdout).trainer).toBe('kernel');
    expect(weightsOf(off.stdout)).toEqual(engineWeights(doc, 3));
  });

  it('the every-option file trains in the kernel as the engine does, reporting train and test', () => {
    const r = cli('train', EVERY_OPTION, '--epochs', '3', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/kernel is not used/);
    expect(JSON.parse(r.stdout).trainer).toBe('kernel');
    const doc = loadDoc(EVERY_OPTION);
    const net = compile(doc);
    trainEpochs(net, doc.dataset.examples, doc.training, 3);
    const e = evaluateSplit(net, doc.dataset.examples);
    const out = JSON.parse(r.stdout);
    expect(weightsOf(r.stdout)).toEqual(Array.from(net.weights));
    expect(out.error).toBe(e.train.error);
    expect(out.test).toEqual({ count: 1, error: e.test.error, accuracy: e.test.accuracy, meanSquaredError: e.test.meanSquaredError });
  });

  it('refuses a flag that breaks the file’s rules, naming the rule', () => {
    const r = cli('train', EVERY_OPTION, '--epochs', '1', '--loss', 'squared');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/with the flags' settings the file breaks a rule: .*softmax/);
  });
});

describe('several files', () => {
  it('check: one line per file, a closing count, exit 1 when one fails', () => {
    const broken = join(temp, 'broken.json');
    writeFileSync(broken, '{"format": "backprop-studio.graph", "version": 1}');
    const r = cli('check', TWO_FIVE_ONE, broken, join(temp, 'missing.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok: .*tutorial-2-5-1\.bpgraph\.json: 9 nodes.*\n3 files: 1 ok, 2 failed\n$/);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/broken\.json: /);
    expect(errors[1]).toMatch(/missing\.json: no such file/);
    expect(cli('check', TWO_FIVE_ONE, TWO_FIVE_ONE).code).toBe(0);
  });

  it('train --out-dir: each file trained and written under its own name; exit 1 when one fails', () => {
    const a = write('a.bpgraph.json', randomDag(5, 12, 20, 30));
    const b = write('b.bpgraph.json', randomDag(6, 15, 30, 30, { mode: 'batch', learningRate: 0.01 }));
    const dir = join(temp, 'trained');
    const r = cli('train', a, join(temp, 'nope.json'), b, '--epochs', '3', '--out-dir', dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/a\.bpgraph\.json: trained 3 epochs .*written to .*trained\/a\.bpgraph\.json$/);
    expect(lines[2]).toBe('3 files: 2 ok, 1 failed');
    for (const [file, name] of [[a, 'a.bpgraph.json'], [b, 'b.bpgraph.json']]) {
      expect(loadDoc(join(dir, name)).edges.map((e) => e.weight)).toEqual(engineWeights(loadDoc(file), 3));
    }
    expect(cli('train', a, b, '--epochs', '1', '--out-dir', dir).code).toBe(0);
  });

  it('train --out-dir refuses two files of one name before training either', () => {
    const r = cli('train', TWO_FIVE_ONE, join(temp, 'tutorial-2-5-1.bpgraph.json'), '--epochs', '1', '--out-dir', join(temp, 'same'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*tutorial-2-5-1\.bpgraph\.json and .*tutorial-2-5-1\.bpgraph\.json would both be written to .*same\/tutorial-2-5-1\.bpgraph\.json\n/);
    expect(r.stdout).toBe('');
  });
});

/** resolves once the process has used `seconds` of CPU (Linux /proc), or after 1.5 s where there is no /proc */
async function busyFor(pid: number, seconds: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      if (Date.now() - started > 1500) return;
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // utime and stime are fields 14 and 15
    if ((Number(fields[11]) + Number(fields[12])) / 100 >= seconds) return;
  }
}

describe('Ctrl+C', () => {
  it('stops between epochs, writes what was trained to --out, and exits 130', async () => {
    const doc = randomDag(8, 60, 300, 100);
    const file = write('big.json', doc);
    const out = join(temp, 'interrupted.json');
    const run = startCli('train', file, '--epochs', '1000000', '--out', out);
    await busyFor(run.child.pid!, 0.4); // past start-up (about 0.1 s of CPU), surely training
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    const match = /interrupted after (\d+) of 1000000 epochs; the trained weights are in /.exec(r.stderr);
    expect(match, r.stderr).not.toBeNull();
    const done = Number(match![1]);
    expect(done).toBeGreaterThan(0);
    const written = loadDoc(out);
    expect(written.training.epoch).toBe(done);
    expect(written.edges.map((e) => e.weight)).toEqual(engineWeights(doc, done));
    expect(existsSync(out)).toBe(true);
  });
});
