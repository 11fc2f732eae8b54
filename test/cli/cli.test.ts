// The command line as a real process: the built bin, from the repo root.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluate, trace, trainEpochs } from '../../src/engine';
import { spawnSync } from 'node:child_process';
import { buildCli, cli, loadDoc, PERCEPTRON, ROOT, TWO_FIVE_ONE } from './helpers';

const temp = mkdtempSync(join(tmpdir(), 'bp-cli-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function expectCleanError(r: ReturnType<typeof cli>, code: number, message: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/); // no stack trace
}

describe('check', () => {
  it('summarises a valid file on one line', () => {
    const r = cli('check', 'test/fixtures/tutorial-2-5-1.bpgraph.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('ok: test/fixtures/tutorial-2-5-1.bpgraph.json: 9 nodes (6 neurons), 21 edges, 1 output, 60 examples\n');
  });

  it('reports an invalid file, a missing file and a folder', () => {
    const bad = join(temp, 'cycle.bpgraph.json');
    const file = JSON.parse(readFileSync(TWO_FIVE_ONE, 'utf8'));
    file.edges.push({ id: 'back', source: '6', target: '1', weight: 1 });
    writeFileSync(bad, JSON.stringify(file));
    expectCleanError(cli('check', bad), 1, /cycle: 1 → 6 → 1/);
    const empty = join(temp, 'empty.json');
    writeFileSync(empty, '');
    expectCleanError(cli('check', empty), 1, /the file is empty/);
    expectCleanError(cli('check', join(temp, 'nope.json')), 1, /cannot read .*nope\.json: no such file/);
    expectCleanError(cli('check', temp), 1, /it is a folder, not a graph file/);
    const binary = join(temp, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0x7d]));
    expectCleanError(cli('check', binary), 1, /not valid UTF-8/);
  });
});

describe('trace', () => {
  it('--json prints exactly trace() with full precision', () => {
    const r = cli('trace', TWO_FIVE_ONE, '--example', '4', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(trace(loadDoc(TWO_FIVE_ONE), 4));
  });

  it('prints a readable table of nodes and edges', () => {
    const r = cli('trace', PERCEPTRON, '--example=0');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^example 0: x = \[-0\.855, 0\.072\]\s+y = \[1\]/);
    expect(r.stdout).toMatch(/node\s+s\s+z\s+∂h\[1\]\/∂s\s+∂E\/∂s/);
    expect(r.stdout).toMatch(/in_x->1\s+-0\.6983\s+0\.182183/);
    expect(r.stdout).toMatch(/E_i = 0\.188157/);
  });

  it('refuses a missing example', () => {
    expectCleanError(cli('trace', PERCEPTRON, '--example', '40'), 1, /example 40 does not exist: .* has 40 examples \(0\.\.39\)/);
  });
});

describe('train', () => {
  it('--json reports epoch, error and weights equal to the library’s', () => {
    const r = cli('train', TWO_FIVE_ONE, '--epochs', '5', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const doc = loadDoc(TWO_FIVE_ONE);
    const net = compile(doc);
    trainEpochs(net, doc.dataset.examples, doc.training, 5);
    expect(out.epoch).toBe(5);
    expect(out.error).toBe(evaluate(net, doc.dataset.examples).error);
    expect(out.weights).toEqual(Object.fromEntries(net.edgeIds.map((id, e) => [id, net.weights[e]])));
  });

  it('--out writes the trained file atomically, epoch advanced', () => {
    const out = join(temp, 'trained.bpgraph.json');
    const first = cli('train', PERCEPTRON, '--epochs', '3', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/: trained 3 epochs \(batch, η = 0\.1\): epoch 3, E = .*written to/);
    const again = cli('train', out, '--epochs', '2', '--out', out, '--json');
    expect(again.code).toBe(0);
    const trained = loadDoc(out);
    expect(trained.training.epoch).toBe(5);
    const doc = loadDoc(PERCEPTRON);
    const net = compile(doc);
    trainEpochs(net, doc.dataset.examples, doc.training, 5);
    expect(trained.edges.map((e) => e.weight)).toEqual(Array.from(net.weights));
    expect(JSON.parse(again.stdout).weights['in_x->1']).toBe(trained.edges[1].weight);
    expect(readdirSync(temp).filter((f) => /tmp$/.test(f))).toEqual([]);
  });

  it('--out writes a file whose name is 240 bytes, and names a bad folder in words', () => {
    const out = join(temp, `${'n'.repeat(227)}.bpgraph.json`);
    const r = cli('train', PERCEPTRON, '--epochs', '1', '--out', out);
    expect(r.stderr).toBe('');
    expect(loadDoc(out).training.epoch).toBe(1);
    const missing = cli('train', PERCEPTRON, '--epochs', '1', '--out', join(temp, 'no-such-folder', 'x.bpgraph.json'));
    expectCleanError(missing, 1, /cannot write .*x\.bpgraph\.json: its folder does not exist/);
    expect(missing.stderr).not.toMatch(/ENOENT|\.tmp/);
  });

  it('stops on divergence naming the epoch and edge, and writes nothing', () => {
    const wild = join(temp, 'wild.bpgraph.json');
    const file = JSON.parse(readFileSync(TWO_FIVE_ONE, 'utf8'));
    file.training.learningRate = 1e9;
    file.training.mode = 'batch';
    writeFileSync(wild, JSON.stringify(file));
    const out = join(temp, 'never.bpgraph.json');
    const r = cli('train', wild, '--epochs', '100', '--out', out);
    expectCleanError(r, 1, /training diverged in epoch \d+: the weight of edge '[^']+' became .*try a smaller learning rate η \(now 1000000000\)/);
    expect(readdirSync(temp)).not.toContain('never.bpgraph.json');
  });
});

describe('gradcheck', () => {
  it('reports a small largest relative error and its edge', () => {
    const r = cli('gradcheck', TWO_FIVE_ONE);
    expect(r.code).toBe(0);
    const match = /^largest relative error (\S+) at edge '([^']+)' \(21 edges, E summed over 60 examples, h = 1e-5\): right\n$/.exec(r.stdout);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeLessThan(1e-7);
    const one = JSON.parse(cli('gradcheck', PERCEPTRON, '--example', '2', '--json').stdout);
    expect(one.count).toBe(3);
    expect(one.maxRelError).toBeLessThan(1e-7);
  });

  it('reports a vanishing gradient as near zero, not as wrong', () => {
    const file = join(temp, 'saturated.bpgraph.json');
    const doc = {
      format: 'backprop-studio.graph',
      version: 1,
      nodes: [
        { id: 'i', type: 'input', feature: 0 },
        { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      edges: [{ id: 'e', source: 'i', target: 'o', weight: 33 }],
      dataset: { examples: [{ x: [1], y: [0] }] },
    };
    writeFileSync(file, JSON.stringify(doc));
    const r = cli('gradcheck', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^every gradient is near zero: 1 edge near zero \(\|a\|, \|n\| < 1e-8, largest \|a − n\| \S+, not graded\)/);
    expect(r.stdout).not.toMatch(/wrong/);
    expect(cli('--help').stdout).toMatch(/max\(\|a\|, \|n\|, 1e-8\)/);
  });
});

describe('usage', () => {
  it('--help prints usage and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Backprop Studio command line/);
  });

  it('usage errors exit 2 with the usage on stderr', () => {
    for (const args of [[], ['frobnicate'], ['trace', PERCEPTRON], ['train', PERCEPTRON, '--epochs', 'many'], ['check', PERCEPTRON, '--json'], ['check']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: .*\n\nBackprop Studio command line/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('npm run --silent cli', () => {
  it('is a route to the bin, with FILE relative to where it was typed', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'check', 'tutorial-2-5-1.bpgraph.json'], { cwd: join(ROOT, 'test/fixtures'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok: tutorial-2-5-1.bpgraph.json: 9 nodes (6 neurons), 21 edges, 1 output, 60 examples\n');
    expect(r.status).toBe(0);
  });
});
