// `import` of a PyTorch nn.Sequential: saved by the helper a PyTorch export ships, read back into a
// graph file whose forward pass equals torch's.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, forward } from '../../src/engine';
import { buildCli, cli, loadDoc, TWO_FIVE_ONE } from './helpers';
import { requirePython, runPython } from '../engine/export/python';

const temp = mkdtempSync(join(tmpdir(), 'bp-import-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const POINTS = [[0.3, -0.7], [-1, 1], [0.05, 0.9], [2, -0.25]];

/** a seeded model saved with the helper, and torch's outputs at POINTS */
const MAKE_MODEL = `
import json, torch
from torch import nn
from sequential_to_json import save_sequential
torch.manual_seed(3)
torch.set_default_dtype(torch.float64)
model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 3, bias=False), nn.Sigmoid(), nn.Linear(3, 2))
save_sequential(model, "model.json")
with torch.no_grad():
    print(json.dumps(model(torch.tensor(${JSON.stringify(POINTS)})).tolist()))
`;

describe.skipIf(requirePython(['torch']))('import', () => {
  it('turns the helper’s JSON into a graph whose outputs equal torch’s', () => {
    expect(cli('export', TWO_FIVE_ONE, '--to', 'pytorch', '--out', join(temp, 'graph.py')).code).toBe(0);
    const expected: number[][] = JSON.parse(runPython(['-c', MAKE_MODEL], temp));
    const out = join(temp, 'imported.bpgraph.json');
    const r = cli('import', join(temp, 'model.json'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^imported .*model\.json: 12 neurons, 44 edges, written to /);
    expect(cli('check', out).code).toBe(0);
    const doc = loadDoc(out);
    const net = compile(doc);
    POINTS.forEach((x, i) => {
      forward(net, x);
      for (let o = 0; o < 2; o++) expect(net.z[net.outputNode[o]]).toBeCloseTo(expected[i][o], 12);
    });
    expect(doc.nodes.filter((n) => n.type === 'neuron').map((n) => n.type === 'neuron' && n.activation)).toEqual([
      ...Array(4).fill('tanh'), ...Array(3).fill('relu'), ...Array(3).fill('sigmoid'), 'linear', 'linear',
    ]);
    expect(readFileSync(out, 'utf8')).toMatch(/"format": "backprop-studio.graph"/);
  });
});

describe('import refusals', () => {
  it('names what is wrong with the model file', () => {
    const r = cli('import', join(temp, 'none.json'), '--out', join(temp, 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read .*none\.json: no such file/);
  });
});

describe('import of a file that is not the helper’s', () => {
  it('names the file and the problem', () => {
    const bare = join(temp, 'bare.json');
    writeFileSync(bare, JSON.stringify({ '0.weight': [[1, 2]], '0.bias': [0] }));
    const r = cli('import', bare, '--out', join(temp, 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*bare\.json: this is a bare state_dict, which does not say the activations/);
  });
});
