// Ids, labels and names are user text: quotes, backslashes, newlines and non-ASCII must not break
// (or inject into) the exported Python. Each export still runs and matches the engine.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, trainEpochs, type GraphDoc } from '../../../src/engine';
import { exportNotebook, exportNumpy, exportPytorch } from '../../../src/engine/export';
import { skipGraph } from './graphs';
import { requirePython, runPython } from './python';

const temp = mkdtempSync(join(tmpdir(), 'bp-names-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const HOSTILE = ['a"\'\'\'"""\\N{x}', 'b\nimport os; os.system("echo pwned")', 'é ∂ 😀 \u2028', 'out\\', '{sum}'];

/** the skip graph with every neuron and edge renamed to hostile text */
function hostileDoc(): GraphDoc {
  const doc = skipGraph({ shuffle: true, seed: 3 });
  const rename = new Map(doc.nodes.filter((n) => n.type === 'neuron').map((n, i) => [n.id, HOSTILE[i]]));
  const id = (x: string) => rename.get(x) ?? x;
  return {
    ...doc,
    name: 'name with """ and \\ and \n a newline',
    nodes: doc.nodes.map((n) => ({ ...n, id: id(n.id), label: n.label === undefined ? undefined : `${n.label}\n"""` })),
    edges: doc.edges.map((e, i) => ({ ...e, id: `${HOSTILE[i % HOSTILE.length]}#${i}`, source: id(e.source), target: id(e.target) })),
  };
}

describe.skipIf(requirePython(['torch', 'numpy']))('hostile names', () => {
  it('every export runs, prints nothing unexpected, and matches the engine', () => {
    const doc = hostileDoc();
    const net = compile(doc);
    trainEpochs(net, doc.dataset.examples, doc.training, 2);
    const expected = Object.fromEntries(net.edgeIds.map((id, e) => [id, net.weights[e]]));
    for (const [name, text] of [['t.py', exportPytorch(doc)], ['n.py', exportNumpy(doc)]] as const) {
      writeFileSync(join(temp, name), text);
      const stdout = runPython([name, '--epochs', '2', '--out', `${name}.json`], temp);
      expect(stdout).not.toMatch(/pwned/);
      const weights = JSON.parse(readFileSync(join(temp, `${name}.json`), 'utf8')).weights;
      expect(Object.keys(weights)).toEqual(Object.keys(expected));
      for (const [id, w] of Object.entries(expected)) expect(Math.abs(weights[id] - w)).toBeLessThanOrEqual(1e-9 * Math.abs(w));
    }
    expect(() => JSON.parse(exportNotebook(doc))).not.toThrow();
  });
});
