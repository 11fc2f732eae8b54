// `worksheet` through the real bin: the page written to --out or stdout, one per seed, clean refusals.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorksheet, worksheetHtml } from '../../src/engine/worksheet';
import { buildCli, cli, loadDoc, TWO_FIVE_ONE } from './helpers';

const temp = mkdtempSync(join(tmpdir(), 'bp-worksheet-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const weightsOf = (html: string) => [...html.matchAll(/data-key="w:[^"]*"><span class="katex">(.*?)<\/li>/g)].map((m) => m[1]);

describe('worksheet', () => {
  it('--out writes the page of the engine’s worksheet, the KaTeX fonts inlined', () => {
    const out = join(temp, 'ws.html');
    const r = cli('worksheet', TWO_FIVE_ONE, '--example', '4', '--seed', '5', '--blank', 'forward', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`wrote the worksheet of ${TWO_FIVE_ONE}, example 4, seed 5, blanks forward: ${out}\n`);
    const html = readFileSync(out, 'utf8');
    const sheet = buildWorksheet(loadDoc(TWO_FIVE_ONE), { example: 4, seed: 5, blanks: { type: 'list', items: ['forward'] } });
    // the page apart from its stylesheet is exactly the engine's page of that sheet
    const body = (text: string) => text.replace(/<style>[\s\S]*?<\/style>/g, '');
    expect(body(html)).toBe(body(worksheetHtml(sheet, { fileName: 'tutorial-2-5-1.bpgraph.json', katexCss: '' })));
    expect(html).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\) format\("woff2"\)/);
    expect(html).not.toMatch(/url\(fonts\//);
  });

  it('writes the page to stdout without --out, with every row blank by default', () => {
    const r = cli('worksheet', TWO_FIVE_ONE, '--example', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    const rows = (r.stdout.match(/<tr data-key=/g) ?? []).length;
    expect((r.stdout.match(/data-blank="true"/g) ?? []).length).toBe(rows); // every row blank, in the sheet and the key
  });

  it('writes a cross-entropy, L2 and momentum document with those terms, the key the engine’s', () => {
    const doc = loadDoc(TWO_FIVE_ONE);
    const file = join(temp, 'options.bpgraph.json');
    const options = { ...doc, training: { ...doc.training, loss: 'crossEntropy' as const, regularization: { kind: 'L2' as const, rate: 0.01 }, momentum: 0.9 }, edges: doc.edges.map((e) => ({ ...e, velocity: 0.02 })) };
    writeFileSync(file, JSON.stringify({ format: 'backprop-studio.graph', version: 3, ...options }));
    const out = join(temp, 'options.html');
    const r = cli('worksheet', file, '--example', '2', '--blank', 'v', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const sheet = buildWorksheet(options, { example: 2, blanks: { type: 'list', items: ['v'] } });
    const body = (text: string) => text.replace(/<style>[\s\S]*?<\/style>/g, '');
    expect(body(html)).toBe(body(worksheetHtml(sheet, { fileName: 'options.bpgraph.json', katexCss: '' })));
    expect(html).toContain('Velocities before the update');
    expect((html.match(/<tr data-key="v:[^"]*" data-blank="true"/g) ?? []).length).toBe(2 * doc.edges.length);
  });

  it('gives each seed its own weights', () => {
    const a = cli('worksheet', TWO_FIVE_ONE, '--example', '0', '--seed', '1').stdout;
    const b = cli('worksheet', TWO_FIVE_ONE, '--example', '0', '--seed', '2').stdout;
    expect(weightsOf(a)).toHaveLength(21);
    expect(weightsOf(a)).not.toEqual(weightsOf(b));
  });

  it('refuses a missing --example, a bad --blank and a missing example with clean messages', () => {
    expect(cli('worksheet', TWO_FIVE_ONE)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: worksheet needs --example I\n/) });
    const bad = cli('worksheet', TWO_FIVE_ONE, '--example', '0', '--blank', 'forwards');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --blank: 'forwards' is not a quantity of this worksheet/);
    const missing = cli('worksheet', TWO_FIVE_ONE, '--example', '9999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*tutorial-2-5-1\.bpgraph\.json: example 9999 does not exist; choose 0\.\.\d+\n$/);
    expect(cli('worksheet', TWO_FIVE_ONE, '--example', '0', '--json').stderr).toMatch(/^error: worksheet does not take --json/);
  });
});
