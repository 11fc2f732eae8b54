// The PyTorch export and the notebook of version-2 documents, run for real in Debian's Python: random
// documents using every option (a handful of seeds), the every-option fixture and a document whose
// s lands exactly on every kink, trained a few epochs, against the engine (what `train` computes, bit
// for bit): E per epoch, weights, velocities and the final E, accuracy and MSE (train and test), to
// 1e-9 relative. All the programs run in one Python process (torch's import dominates).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluateSplit, forward, parseGraph, trainEpoch, trainingOptions, type GraphDoc, type Net } from '../../../src/engine';
import { exportNotebook, exportPytorch } from '../../../src/engine/export';
import { arbitraryOptionsDoc, clearOfKinks, type OutputForm } from '../options';
import { naivePass } from '../reference';
import { requirePython, runPython } from './python';

const EPOCHS = 3;
const temp = mkdtempSync(join(tmpdir(), 'bp-pytorch-v2-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const fixture = (name: string): GraphDoc => {
  const r = parseGraph(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));
  if (!r.ok) throw r.error;
  return r.doc;
};

/** version 2's training settings on a random document, some examples test, some velocities set */
const settingsArb = fc.record({
  mode: fc.constantFrom('sequential' as const, 'minibatch' as const, 'batch' as const),
  batchSize: fc.integer({ min: 1, max: 3 }),
  shuffle: fc.boolean(),
  seed: fc.integer({ min: -5, max: 1000 }),
  epoch: fc.integer({ min: 0, max: 20 }),
  learningRate: fc.constantFrom(0.05, 0.3),
  regularization: fc.record({ kind: fc.constantFrom('none' as const, 'L1' as const, 'L2' as const), rate: fc.constantFrom(0.01, 0.1) }),
  momentum: fc.constantFrom(0, 0.5, 0.9),
});

const REG_KINDS = ['none', 'L1', 'L2'] as const;

/** `count` documents of one output form, the regulariser and the shuffle taking turns */
function randomDocs(form: OutputForm, seed: number, count: number): GraphDoc[] {
  const arb = fc.tuple(arbitraryOptionsDoc({ form, ablate: true, maxExamples: 6 }), settingsArb, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }));
  return fc.sample(arb, { seed, numRuns: count }).map(([doc, training, test], i) => ({
    ...doc,
    name: `random ${form} ${seed}`,
    edges: doc.edges.map((e, i) => (i % 2 === 0 ? { ...e, velocity: e.weight / 10 } : e)),
    dataset: { examples: doc.dataset.examples.map((ex, i) => (test[i] && i > 0 ? { ...ex, test: true } : ex)) },
    training: { ...doc.training, ...training, regularization: { ...training.regularization, kind: REG_KINDS[i % 3] }, shuffle: i % 2 === 0 },
  }));
}

/**
 * s exactly on every kink at the first update: relu, leaky ReLU, ELU and softplus at s = 1·c + 1·(−c) = 0,
 * hard sigmoid at t = 0.2·(±2.5) + 0.5 = 1 and 0 (0.2·2.5 rounds to 0.5 exactly); a linear output
 */
function kinkDoc(): GraphDoc {
  const kinked = [['relu', 0.7], ['leakyRelu', -0.6], ['elu', 0.8], ['softplus', -0.9]] as const;
  return {
    name: 'every kink',
    nodes: [
      { id: 'b', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      ...kinked.map(([a]) => ({ id: a, type: 'neuron' as const, activation: a })),
      { id: 'hsTop', type: 'neuron', activation: 'hardSigmoid' },
      { id: 'hsBottom', type: 'neuron', activation: 'hardSigmoid' },
      { id: 'out', type: 'neuron', activation: 'linear', output: 0 },
    ],
    edges: [
      ...kinked.flatMap(([a, c]) => [
        { id: `b->${a}`, source: 'b', target: a, weight: c },
        { id: `x->${a}`, source: 'x', target: a, weight: -c },
      ]),
      { id: 'b->hsTop', source: 'b', target: 'hsTop', weight: 2.5 },
      { id: 'b->hsBottom', source: 'b', target: 'hsBottom', weight: -2.5 },
      ...[...kinked.map(([a]) => a), 'hsTop', 'hsBottom'].map((a, i) => ({ id: `${a}->out`, source: a, target: 'out', weight: 0.3 + 0.1 * i })),
      { id: 'b->out', source: 'b', target: 'out', weight: 0.1 },
    ],
    dataset: { problem: 'regression', examples: [{ x: [1], y: [0.25] }, { x: [1], y: [-0.5] }] },
    training: { learningRate: 0.1, mode: 'sequential', shuffle: false, seed: 1, epoch: 0 },
  };
}

/** the tutorial's graph made linear, at η = 10: its weights grow past 1e6 within an epoch */
function divergingTutorial(): GraphDoc {
  const doc = fixture('tutorial-2-5-1.bpgraph.json');
  const nodes = doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'linear' as const } : n));
  return { ...doc, nodes, training: { ...doc.training, learningRate: 10 } };
}

interface Expected {
  errors: number[];
  testErrors: number[];
  /** the engine's divergence, 1-based epoch and edge id */
  divergence: { epoch: number; edge: string } | null;
  net: Net;
  final: ReturnType<typeof evaluateSplit>;
}

/** what `train` computes: the engine, epoch by epoch, E measured during each and test E after it */
function engineRun(doc: GraphDoc): Expected {
  const net = compile(doc);
  const errors: number[] = [];
  const testErrors: number[] = [];
  for (let k = 0; k < EPOCHS; k++) {
    const epoch = doc.training.epoch + k;
    const r = trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch });
    if (r.divergence) return { errors, testErrors, divergence: { epoch: epoch + 1, edge: net.edgeIds[r.divergence.edgeIndex] }, net, final: evaluateSplit(net, doc.dataset.examples) };
    errors.push(r.error);
    testErrors.push(evaluateSplit(net, doc.dataset.examples).test.error);
  }
  return { errors, testErrors, divergence: null, net, final: evaluateSplit(net, doc.dataset.examples) };
}

// Each job: run a script (as `python3 it.py --epochs N --out OUT`) or a notebook (its code cells in
// order in one namespace, EPOCHS and OUT set after the cell tagged "parameters"), its stdout and
// any exception kept in OUT.run.json.
const RUNNER = `
import contextlib, io, json, runpy, sys
for job in json.load(open(sys.argv[1])):
    log, error = io.StringIO(), None
    try:
        with contextlib.redirect_stdout(log):
            if job["kind"] == "script":
                sys.argv = [job["path"], "--epochs", str(job["epochs"]), "--out", job["out"]]
                runpy.run_path(job["path"], run_name="__main__")
            else:
                namespace = {"__name__": "__main__"}
                for cell in json.load(open(job["path"]))["cells"]:
                    if cell["cell_type"] != "code":
                        continue
                    exec(compile("".join(cell["source"]), "<cell>", "exec"), namespace)
                    if "parameters" in cell["metadata"].get("tags", []):
                        namespace["EPOCHS"], namespace["OUT"] = job["epochs"], job["out"]
    except Exception as e:
        error = f"{type(e).__name__}: {e}"
    json.dump({"stdout": log.getvalue(), "error": error}, open(job["out"] + ".run.json", "w"))
`;

interface Run {
  stdout: string;
  error: string | null;
  trained?: { epoch: number; weights: Record<string, number>; velocities?: Record<string, number>; train: Metrics; test?: Metrics };
}
interface Metrics {
  error: number;
  accuracy: number;
  meanSquaredError: number;
}

const KINDS = ['script', 'notebook'] as const;

/** writes every doc's script and notebook, runs them all in one Python process, reads what each wrote */
function runAll(docs: readonly GraphDoc[]): Map<string, Run> {
  const jobs = docs.flatMap((doc, d) =>
    KINDS.map((kind) => {
      const path = join(temp, `${d}.${kind === 'script' ? 'py' : 'ipynb'}`);
      writeFileSync(path, kind === 'script' ? exportPytorch(doc) : exportNotebook(doc));
      return { kind, path, epochs: EPOCHS, out: join(temp, `${d}.${kind}.json`) };
    }),
  );
  const jobsFile = join(temp, 'jobs.json');
  writeFileSync(jobsFile, JSON.stringify(jobs));
  runPython(['-c', RUNNER, jobsFile], temp);
  const runs = new Map<string, Run>();
  for (const job of jobs) {
    const run = JSON.parse(readFileSync(`${job.out}.run.json`, 'utf8')) as Run;
    if (run.error === null) run.trained = JSON.parse(readFileSync(job.out, 'utf8'));
    runs.set(job.out, run);
  }
  return runs;
}

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300));
const expectNear = (actual: number, expected: number, what: string) => expect(relative(actual, expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);

function expectSameRun(doc: GraphDoc, expected: Expected, run: Run | undefined): void {
  expect(run).toBeDefined();
  if (expected.divergence) {
    expect(run!.error).toContain(`Diverged: training diverged in epoch ${expected.divergence.epoch}: the weight of edge '${expected.divergence.edge}'`);
    return;
  }
  expect(run!.error).toBeNull();
  const lines = [...run!.stdout.matchAll(/^epoch (\d+): E = (\S+)(?: test E = (\S+))?$/gm)];
  expect(lines).toHaveLength(EPOCHS);
  lines.forEach((m, k) => {
    expect(Number(m[1])).toBe(doc.training.epoch + k + 1);
    expectNear(Number(m[2]), expected.errors[k], `epoch ${k + 1} E`);
    if (expected.final.testCount > 0) expectNear(Number(m[3]), expected.testErrors[k], `epoch ${k + 1} test E`);
    else expect(m[3]).toBeUndefined();
  });
  const trained = run!.trained!;
  expect(trained.epoch).toBe(doc.training.epoch + EPOCHS);
  const { net } = expected;
  expect(Object.keys(trained.weights)).toEqual([...net.edgeIds]);
  net.edgeIds.forEach((id, e) => expectNear(trained.weights[id], net.weights[e], `weight ${id}`));
  if ((doc.training.momentum ?? 0) > 0) net.edgeIds.forEach((id, e) => expectNear(trained.velocities![id], net.velocity[e], `velocity ${id}`));
  else expect(trained.velocities).toBeUndefined();
  const metrics = (m: Metrics, e: typeof expected.final.train, what: string) => {
    expectNear(m.error, e.error, `${what} E`);
    expect(m.accuracy, `${what} accuracy`).toBe(e.accuracy);
    expectNear(m.meanSquaredError, e.meanSquaredError, `${what} MSE`);
  };
  metrics(trained.train, expected.final.train, 'train');
  if (expected.final.testCount > 0) metrics(trained.test!, expected.final.test, 'test');
  else expect(trained.test).toBeUndefined();
}

/** an s within rounding of a kink at the start: the engine's fdlibm and torch's libm may put it on either side */
const clearAtStart = (doc: GraphDoc): boolean => clearOfKinks(doc, (x, y) => naivePass(doc, x, y).s, 1e-9);

const settingsOf = (doc: GraphDoc): string => {
  const t = trainingOptions(doc.training);
  const tests = doc.dataset.examples.filter((ex) => ex.test === true).length;
  return [t.mode === 'minibatch' ? `mini-batches of ${t.batchSize}` : t.mode, t.shuffle ? 'shuffled' : 'file order', t.regularization.kind, `β = ${t.momentum}`, `${tests} test`].join(', ');
};

const CASES: [string, () => GraphDoc][] = [
  ['the every-option fixture (softmax over 3 classes, derived inputs, ablation, L2, momentum, mini-batches, a test split)', () => fixture('every-option.bpgraph.json')],
  ['a document whose s lands exactly on every kink (relu, leaky ReLU, ELU, softplus at 0; hard sigmoid at both ends)', kinkDoc],
  ...(['squared', 'binary', 'softmax'] as const).flatMap((form) =>
    randomDocs(form, 14 + form.length, 12)
      .filter(clearAtStart)
      .slice(0, 3)
      .map((doc, i): [string, () => GraphDoc] => [`a random ${form} document #${i + 1} (${settingsOf(doc)})`, () => doc]),
  ),
  ['the tutorial made linear at η = 10: the export stops where train does, naming the edge', divergingTutorial],
];

describe.skipIf(requirePython(['torch']))('the PyTorch export and the notebook of version-2 documents match train', () => {
  const docs = CASES.map(([, make]) => make());
  let runs: Map<string, Run>;
  beforeAll(() => {
    runs = runAll(docs);
  }, 120_000);

  CASES.forEach(([title], d) => {
    for (const kind of KINDS) {
      it(`${kind}: ${title}`, () => {
        expectSameRun(docs[d], engineRun(docs[d]), runs.get(join(temp, `${d}.${kind}.json`)));
      });
    }
  });

  it('the linear tutorial at η = 10 really diverges in the engine', () => {
    expect(engineRun(divergingTutorial()).divergence).not.toBeNull();
  });

  it('the kink document really starts on the kinks', () => {
    const doc = kinkDoc();
    const net = compile(doc);
    forward(net, [1]);
    const s = (id: string) => net.s[net.nodeIds.indexOf(id)];
    for (const id of ['relu', 'leakyRelu', 'elu', 'softplus']) expect(s(id), id).toBe(0);
    expect(0.2 * s('hsTop') + 0.5).toBe(1);
    expect(0.2 * s('hsBottom') + 0.5).toBe(0);
  });
});
