// The NumPy export of version-2 documents, run for real in Debian's Python: each option alone and
// all together (the every-option fixture), trained a few epochs, against `train` (weights, velocities)
// and the engine (E per epoch measured during it, test E at its end), to 1e-9 relative; and the
// PyTorch export and the notebook of the fixture against `train --out` (test/engine/export/pytorchV2
// runs them on random documents).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluate, type Activation, serializeGraph, testExamples, trainEpoch, type GraphDoc, type GraphNode, type TrainingSettings } from '../../src/engine';
import { buildCli, cli, FIXTURES, loadDoc, TWO_FIVE_ONE } from './helpers';
import { requirePython, runPython } from '../engine/export/python';

const temp = mkdtempSync(join(tmpdir(), 'bp-export-v2-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const EPOCHS = 5;
const tutorial = (): GraphDoc => loadDoc(TWO_FIVE_ONE);
const withTraining = (doc: GraphDoc, t: Partial<TrainingSettings>): GraphDoc => ({ ...doc, training: { ...doc.training, ...t } });
const withTests = (doc: GraphDoc, every: number): GraphDoc => ({
  ...doc,
  dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i % every === 0 ? { ...ex, test: true } : ex)) },
});
const hiddenActivations = (doc: GraphDoc, acts: Activation[]): GraphDoc => {
  let k = 0;
  return { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' && n.output === undefined ? { ...n, activation: acts[k++ % acts.length] } : n)) as GraphNode[] };
};

/** derived inputs (x², sin, x·y) into neuron 1, neuron 5 switched off, one edge off */
function derivedAndAblated(): GraphDoc {
  const doc = tutorial();
  const nodes: GraphNode[] = [
    ...doc.nodes.map((n) => (n.id === '5' ? { ...n, off: true } : n)),
    { id: 'xsq', type: 'input', feature: 0, transform: 'square' },
    { id: 'siny', type: 'input', feature: 1, transform: 'sin' },
    { id: 'xy', type: 'input', feature: 0, times: 1 },
  ] as GraphNode[];
  const edges = [
    ...doc.edges.map((e, i) => (i === 4 ? { ...e, off: true } : e)),
    { id: 'xsq->1', source: 'xsq', target: '1', weight: 0.3 },
    { id: 'siny->2', source: 'siny', target: '2', weight: -0.4 },
    { id: 'xy->3', source: 'xy', target: '3', weight: 0.6 },
  ];
  return withTraining({ ...doc, nodes, edges }, { regularization: { kind: 'L2', rate: 0.002 } });
}

/** a 1-D regression fit with a linear output, batch updates with momentum */
function regression(): GraphDoc {
  const doc = hiddenActivations(tutorial(), ['tanh', 'softplus']);
  const nodes = doc.nodes.map((n) => (n.type === 'neuron' && n.output !== undefined ? { ...n, activation: 'linear' } : n)) as GraphNode[];
  const examples = doc.dataset.examples.map((ex) => ({ x: ex.x, y: [Math.sin(Math.PI * ex.x[0]) / 2] }));
  return withTraining({ ...doc, nodes, dataset: { ...doc.dataset, problem: 'regression', examples } }, { mode: 'batch', learningRate: 0.005, momentum: 0.7 });
}

const GRAPHS: [string, () => GraphDoc][] = [
  ['leaky ReLU, ELU, softplus and hard sigmoid, mini-batches of 7, shuffled', () =>
    withTraining(hiddenActivations(tutorial(), ['leakyRelu', 'elu', 'softplus', 'hardSigmoid']), { mode: 'minibatch', batchSize: 7, shuffle: true, learningRate: 0.2 })],
  ['binary cross-entropy (one sigmoid output), L1, momentum, a test split', () =>
    withTests(withTraining(tutorial(), { loss: 'crossEntropy', regularization: { kind: 'L1', rate: 0.001 }, momentum: 0.9, learningRate: 0.05 }), 5)],
  ['derived inputs, ablation, L2', derivedAndAblated],
  ['a regression, batch mode with momentum', regression],
  ['every option at once (softmax over 3 classes, the fixture)', () => loadDoc(join(FIXTURES, 'every-option.bpgraph.json'))],
];

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300));

function expectClose(actual: Record<string, number>, expected: Record<string, number>, what: string): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, w] of Object.entries(expected)) expect(relative(actual[id], w), `${what} ${id}: ${actual[id]} vs ${w}`).toBeLessThanOrEqual(1e-9);
}

/** "epoch k: E = … [test E = …]" lines as numbers */
const printed = (stdout: string): { train: number[]; test: number[] } => {
  const lines = [...stdout.matchAll(/^epoch (\d+): E = (\S+)(?: test E = (\S+))?$/gm)];
  return { train: lines.map((m) => Number(m[2])), test: lines.filter((m) => m[3] !== undefined).map((m) => Number(m[3])) };
};

describe.skipIf(requirePython(['numpy']))('the NumPy export of version-2 options matches train', () => {
  for (const [title, make] of GRAPHS) {
    it(title, () => {
      const doc = make();
      const file = join(temp, `${title.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, serializeGraph(doc));
      const out = join(temp, `${title.replace(/\W+/g, '-')}.trained.json`);
      const r = cli('train', file, '--epochs', String(EPOCHS), '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const trained = loadDoc(out);

      const net = compile(doc);
      const test = testExamples(doc.dataset.examples);
      const errors: number[] = [];
      const testErrors: number[] = [];
      for (let k = 0; k < EPOCHS; k++) {
        errors.push(trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch: doc.training.epoch + k }).error);
        if (test.length > 0) testErrors.push(evaluate(net, test).error);
      }

      const dir = mkdtempSync(join(temp, 'numpy-'));
      const script = join(dir, 'graph.py');
      const exported = cli('export', file, '--to', 'numpy', '--out', script);
      expect(exported.code, exported.stderr).toBe(0);
      const stdout = runPython([script, '--epochs', String(EPOCHS), '--out', 'weights.json'], dir);
      const { train, test: testPrinted } = printed(stdout);
      expect(train).toHaveLength(EPOCHS);
      train.forEach((e, k) => expect(relative(e, errors[k]), `epoch ${k + 1}: E = ${e} vs ${errors[k]}`).toBeLessThanOrEqual(1e-9));
      expect(testPrinted).toHaveLength(testErrors.length);
      testPrinted.forEach((e, k) => expect(relative(e, testErrors[k]), `epoch ${k + 1}: test E = ${e} vs ${testErrors[k]}`).toBeLessThanOrEqual(1e-9));

      const result = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'));
      expectClose(result.weights, Object.fromEntries(trained.edges.map((e) => [e.id, e.weight])), 'weight');
      if ((doc.training.momentum ?? 0) > 0) expectClose(result.velocities, Object.fromEntries(trained.edges.map((e) => [e.id, e.velocity ?? 0])), 'velocity');
      else expect(result.velocities).toBeUndefined();
    });
  }
});

/** exec every code cell in order in one namespace; after the cell tagged "parameters", set EPOCHS and OUT */
const NOTEBOOK_RUNNER = `
import json, sys
namespace = {"__name__": "__main__"}
for cell in json.load(open(sys.argv[1]))["cells"]:
    if cell["cell_type"] != "code":
        continue
    exec(compile("".join(cell["source"]), "<cell>", "exec"), namespace)
    if "parameters" in cell["metadata"].get("tags", []):
        namespace["EPOCHS"], namespace["OUT"] = int(sys.argv[2]), sys.argv[3]
`;

describe.skipIf(requirePython(['torch']))('the PyTorch export and the notebook write every version-2 option too', () => {
  it('the every-option fixture trains to train --out’s weights and velocities', () => {
    const file = join(FIXTURES, 'every-option.bpgraph.json');
    const out = join(temp, 'every-option.trained.json');
    const r = cli('train', file, '--epochs', String(EPOCHS), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const trained = loadDoc(out);
    for (const to of ['pytorch', 'notebook'] as const) {
      const dir = mkdtempSync(join(temp, `${to}-`));
      const program = join(dir, to === 'pytorch' ? 'graph.py' : 'graph.ipynb');
      const exported = cli('export', file, '--to', to, '--out', program);
      expect(exported.code, exported.stderr).toBe(0);
      runPython(to === 'pytorch' ? [program, '--epochs', String(EPOCHS), '--out', 'weights.json'] : ['-c', NOTEBOOK_RUNNER, program, String(EPOCHS), 'weights.json'], dir);
      const result = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'));
      expectClose(result.weights, Object.fromEntries(trained.edges.map((e) => [e.id, e.weight])), `${to} weight`);
      expectClose(result.velocities, Object.fromEntries(trained.edges.map((e) => [e.id, e.velocity ?? 0])), `${to} velocity`);
    }
  });
});
