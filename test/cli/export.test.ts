// The exports run for real in Debian's Python: each trains the tutorial 2-5-1, a skip-connection
// graph with two outputs and a random DAG for a few epochs, and its weights equal `train`'s to
// 1e-9 relative. The notebook is executed cell by cell (plain Python over its code cells).

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, serializeGraph, trainEpoch, type GraphDoc } from '../../src/engine';
import { buildCli, cli, loadDoc, TWO_FIVE_ONE } from './helpers';
import { randomDag, skipGraph } from '../engine/export/graphs';
import { requirePython, runPython } from '../engine/export/python';

const temp = mkdtempSync(join(tmpdir(), 'bp-export-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const EPOCHS = 4;

function write(name: string, doc: GraphDoc): string {
  const file = join(temp, name);
  writeFileSync(file, serializeGraph(doc));
  return file;
}

const GRAPHS: [string, () => string][] = [
  ['the tutorial 2-5-1 (sequential, file order)', () => TWO_FIVE_ONE],
  ['a skip-connection graph with two outputs (batch)', () => write('skip.json', skipGraph({ mode: 'batch', learningRate: 0.02 }))],
  ['a random DAG (shuffled, resumed at epoch 3)', () => write('dag.json', randomDag(21, 25, 60, 40, { shuffle: true, seed: -9, epoch: 3 }))],
];

/** exec every code cell in order in one namespace; after the cell tagged "parameters", set EPOCHS and OUT */
const NOTEBOOK_RUNNER = `
import json, sys
notebook = json.load(open(sys.argv[1]))
namespace = {"__name__": "__main__"}
for cell in notebook["cells"]:
    if cell["cell_type"] != "code":
        continue
    exec(compile("".join(cell["source"]), "<cell>", "exec"), namespace)
    if "parameters" in cell["metadata"].get("tags", []):
        exec(f"EPOCHS = {int(sys.argv[2])}\\nOUT = {sys.argv[3]!r}", namespace)
`;

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, w] of Object.entries(expected)) expect(relative(actual[id], w), `edge ${id}: ${actual[id]} vs ${w}`).toBeLessThanOrEqual(1e-9);
}

/** E per epoch, each as measured during its epoch */
function expectCloseAll(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((e, k) => expect(relative(e, expected[k]), `epoch ${k + 1}: E = ${e} vs ${expected[k]}`).toBeLessThanOrEqual(1e-9));
}

/** E per epoch printed by the program, as numbers */
const printedErrors = (stdout: string): number[] => [...stdout.matchAll(/^epoch (\d+): E = (\S+)$/gm)].map((m) => Number(m[2]));

describe.skipIf(requirePython(['torch', 'numpy']))('exports trained in Python match train', () => {
  for (const [title, fileOf] of GRAPHS) {
    describe(title, () => {
      let file: string;
      let expected: { epoch: number; weights: Record<string, number> };
      let errors: number[];
      beforeAll(() => {
        file = fileOf();
        const doc = loadDoc(file);
        const net = compile(doc);
        errors = Array.from({ length: EPOCHS }, (_, k) => trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch: doc.training.epoch + k }).error);
        const r = cli('train', file, '--epochs', String(EPOCHS), '--json');
        expect(r.code, r.stderr).toBe(0);
        expected = JSON.parse(r.stdout);
      });

      for (const to of ['pytorch', 'numpy'] as const) {
        it(`${to}: weights to 1e-9 relative, E printed per epoch`, () => {
          const dir = mkdtempSync(join(temp, `${to}-`));
          const script = join(dir, 'graph.py');
          const r = cli('export', file, '--to', to, '--out', script);
          expect(r.code, r.stderr).toBe(0);
          const stdout = runPython([script, '--epochs', String(EPOCHS), '--out', 'weights.json'], dir);
          expectCloseAll(printedErrors(stdout), errors);
          const trained = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'));
          expect(trained.epoch).toBe(expected.epoch);
          expectClose(trained.weights, expected.weights);
        });
      }

      it('notebook: executed cell by cell, the same weights', () => {
        const dir = mkdtempSync(join(temp, 'nb-'));
        const notebook = join(dir, 'graph.ipynb');
        expect(cli('export', file, '--to', 'notebook', '--out', notebook).code).toBe(0);
        const cells = JSON.parse(readFileSync(notebook, 'utf8')).cells as { cell_type: string }[];
        expect(cells.filter((c) => c.cell_type === 'markdown').length).toBeGreaterThan(3);
        const stdout = runPython(['-c', NOTEBOOK_RUNNER, notebook, String(EPOCHS), 'weights.json'], dir);
        expectCloseAll(printedErrors(stdout), errors);
        expectClose(JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')).weights, expected.weights);
      });
    });
  }
});

describe('export without Python', () => {
  it('writes the program to stdout without --out, and ships the nn.Sequential helper beside a PyTorch export', () => {
    const r = cli('export', TWO_FIVE_ONE, '--to', 'pytorch');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#!\/usr\/bin\/env python3\n/);
    expect(r.stdout).toContain('torch.set_default_dtype(torch.float64)');
    expect(r.stdout).toMatch(/# neuron 6 \(output h_0\): s_6 = Σ_j z_j w_\{j→6\}/);
    const dir = mkdtempSync(join(temp, 'helper-'));
    const out = cli('export', TWO_FIVE_ONE, '--to', 'pytorch', '--out', join(dir, 'graph.py'));
    expect(out.stdout).toMatch(/sequential_to_json\.py/);
    expect(existsSync(join(dir, 'sequential_to_json.py'))).toBe(true);
  });

  it('embeds the file’s weights exactly (shortest round-trip digits)', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    const r = cli('export', TWO_FIVE_ONE, '--to', 'numpy');
    for (const e of doc.edges) expect(r.stdout).toContain(`${String(e.weight).includes('.') ? e.weight : `${e.weight}.0`},  # `);
  });
});

describe('export refusals', () => {
  it('a graph without an output neuron has no training loop to export', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    doc.nodes = doc.nodes.map((n) => (n.type === 'neuron' ? { id: n.id, type: 'neuron', activation: n.activation, position: n.position } : n));
    const r = cli('export', write('no-output.json', doc), '--to', 'numpy');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*no-output\.json: nodes: the graph has no output neuron, so there is no training loop to export\n$/);
  });
});
