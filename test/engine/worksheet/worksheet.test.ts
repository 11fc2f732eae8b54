// The worksheet's rows against the engine's one readout, its blanks as chosen, and its seeds.

import { describe, expect, it } from 'vitest';
import { applyUpdate, compile, initWeights, readPass, type GraphDoc } from '../../../src/engine';
import { buildWorksheet, LONG_SHEET_ROWS, MAX_SHEET_EDGES, parseBlanks, worksheetHtml, worksheetKeys, WorksheetError, type Worksheet } from '../../../src/engine/worksheet';
import { loadFixture, makeDoc, TWO_FIVE_ONE } from '../helpers';

const doc = loadFixture(TWO_FIVE_ONE);
const all = (d: GraphDoc, example = 3, seed?: number): Worksheet => buildWorksheet(d, { example, seed, blanks: { type: 'all' } });
const value = (sheet: Worksheet, key: string): number => {
  const row = sheet.rows.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no row ${key}`);
  return row.value;
};

/** a skip connection: in_x feeds both the hidden neuron and the output (two paths to h), tanh and relu */
const skip: GraphDoc = makeDoc(
  [
    { id: 'in_1', type: 'bias' },
    { id: 'x', type: 'input', feature: 0 },
    { id: 'a', type: 'neuron', activation: 'tanh' },
    { id: 'b', type: 'neuron', activation: 'relu' },
    { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
  ],
  [
    { id: 'e1', source: 'x', target: 'a', weight: 0.7 },
    { id: 'e2', source: 'in_1', target: 'a', weight: -0.2 },
    { id: 'e3', source: 'a', target: 'b', weight: 1.3 },
    { id: 'e4', source: 'a', target: 'o', weight: -0.4 },
    { id: 'e5', source: 'b', target: 'o', weight: 0.9 },
    { id: 'e6', source: 'x', target: 'o', weight: 0.25 },
  ],
  [{ x: [0.8], y: [1] }],
  { learningRate: 0.3 },
);

describe('worksheet values', () => {
  for (const [name, d, example] of [['the 2-5-1', doc, 3], ['a skip connection', skip, 0]] as const) {
    it(`equal the readout's on ${name}`, () => {
      const sheet = all(d, example);
      const readout = readPass(compile(d), d.dataset.examples[example]);
      for (const node of readout.nodes) {
        if (node.type !== 'neuron') continue;
        expect(value(sheet, `s:${node.id}`)).toBe(node.s);
        expect(value(sheet, `z:${node.id}`)).toBe(node.z);
        expect(value(sheet, `dsigma:${node.id}`)).toBe(node.dsigma);
        expect(value(sheet, `dEds:${node.id}`)).toBe(node.dEds);
      }
      for (const edge of readout.edges) expect(value(sheet, `dEdw:${edge.id}`)).toBe(edge.grad);
      expect(value(sheet, 'E')).toBe(readout.error);
    });

    it(`recompute from their substituted numbers on ${name} (the written arithmetic is the engine's)`, () => {
      for (const row of all(d, example).rows) expect(row.check, row.key).toBeCloseTo(row.value, 12);
    });

    it(`update each weight as one sequential step of the engine on ${name}`, () => {
      const sheet = all(d, example);
      const net = compile(d);
      readPass(net, d.dataset.examples[example]);
      applyUpdate(net, net.grad, { learningRate: d.training.learningRate });
      d.edges.forEach((edge, e) => expect(value(sheet, `w:${edge.id}`)).toBe(net.weights[e]));
    });
  }

  it('lists the rows forward in topological order, backward in reverse, updates in edge order', () => {
    const sheet = all(skip, 0);
    const kinds = (phase: string) => sheet.rows.filter((r) => r.phase === phase).map((r) => r.key);
    expect(kinds('forward')).toEqual(['s:a', 'z:a', 's:b', 'z:b', 's:o', 'z:o', 'E']);
    expect(kinds('backward').slice(0, 2)).toEqual(['dsigma:o', 'dEds:o']);
    expect(kinds('backward').indexOf('dEds:b')).toBeLessThan(kinds('backward').indexOf('dEds:a'));
    expect(kinds('update')).toEqual(skip.edges.map((e) => `w:${e.id}`));
  });

  it('writes a hidden neuron with two successors as a sum over both', () => {
    const row = all(skip, 0).rows.find((r) => r.key === 'dEds:a')!;
    expect(row.formula).toContain('w_{a \\to b}');
    expect(row.formula).toContain('w_{a \\to o}');
  });
});

describe('blanks', () => {
  const blanksOf = (text: string) => {
    const parsed = parseBlanks(text, worksheetKeys(doc, 0));
    if (!parsed.ok) throw new Error(parsed.message);
    return buildWorksheet(doc, { example: 0, blanks: parsed.choice }).rows.filter((r) => r.blank).map((r) => r.key);
  };
  const keysOf = (phase: string) => all(doc, 0).rows.filter((r) => r.phase === phase).map((r) => r.key);

  it('leave a phase blank, and only that phase', () => {
    for (const phase of ['forward', 'backward', 'update']) expect(blanksOf(phase)).toEqual(keysOf(phase));
  });

  it('leave every row blank with all, none with none', () => {
    expect(blanksOf('all')).toHaveLength(all(doc, 0).rows.length);
    expect(blanksOf('none')).toEqual([]);
  });

  it('take a list of kinds and single rows', () => {
    expect(blanksOf('E, z:6')).toEqual(['z:6', 'E']);
    expect(blanksOf('dEds').every((k) => k.startsWith('dEds:'))).toBe(true);
    expect(blanksOf('dEds')).toHaveLength(6);
  });

  it('refuse a word that names no quantity, saying which', () => {
    const parsed = parseBlanks('forward,zz', worksheetKeys(doc, 0));
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining("'zz' is not a quantity") });
    expect(parseBlanks('s,,z', worksheetKeys(doc, 0))).toMatchObject({ ok: false, message: expect.stringContaining('empty item') });
  });
});

describe('seeds', () => {
  it('re-draw the weights: different seeds give different weights and the same rows', () => {
    const a = all(doc, 0, 1);
    const b = all(doc, 0, 2);
    expect(a.weights.map((w) => w.value)).not.toEqual(b.weights.map((w) => w.value));
    expect(a.rows.map((r) => [r.key, r.formula])).toEqual(b.rows.map((r) => [r.key, r.formula]));
    expect(a.seed).toBe(1);
  });

  it('the same seed gives the same sheet, with the weights initWeights draws', () => {
    expect(all(doc, 0, 7)).toEqual(all(doc, 0, 7));
    expect(all(doc, 0, 7).weights.map((w) => w.value)).toEqual(initWeights(doc, 7).edges.map((e) => e.weight));
  });

  it('without a seed keeps the file’s weights', () => {
    expect(all(doc, 0).weights.map((w) => w.value)).toEqual(doc.edges.map((e) => e.weight));
    expect(all(doc, 0).seed).toBeNull();
  });
});

describe('refusals', () => {
  const refusal = (d: GraphDoc, example = 0) => {
    try {
      all(d, example);
    } catch (err) {
      if (err instanceof WorksheetError) return { path: err.path, message: err.message };
      throw err;
    }
    throw new Error('no refusal');
  };

  it('name a missing example', () => {
    expect(refusal(doc, 999)).toMatchObject({ path: ['dataset', 'examples', 999], message: expect.stringMatching(/example 999 does not exist; choose 0\.\./) });
  });

  it('name a switched-off edge (every loss, regulariser and momentum is written: options.test.ts)', () => {
    expect(refusal({ ...skip, edges: skip.edges.map((e, i) => (i === 2 ? { ...e, off: true } : e)) }).path).toEqual(['edges', 2, 'off']);
  });

  /** n inputs fully connected to n sigmoid neurons, the first an output: n² edges */
  const square = (n: number): GraphDoc => {
    const inputs = Array.from({ length: n }, (_, i) => ({ id: `x${i}`, type: 'input' as const, feature: 0 }));
    const hidden = Array.from({ length: n }, (_, i) => ({ id: `h${i}`, type: 'neuron' as const, activation: 'sigmoid' as const, ...(i === 0 ? { output: 0 } : {}) }));
    const edges = inputs.flatMap((x) => hidden.map((h) => ({ id: `${x.id}-${h.id}`, source: x.id, target: h.id, weight: 0.1 })));
    return makeDoc([...inputs, ...hidden], edges, [{ x: [1], y: [0] }]);
  };

  it('write a big graph whole, each phase on its own pages (225 edges, once refused at 200)', () => {
    const big = square(15);
    const sheet = all(big, 0);
    expect(sheet.rows.filter((r) => r.kind === 'w')).toHaveLength(225);
    expect(sheet.rows.length).toBeGreaterThan(LONG_SHEET_ROWS);
    expect(worksheetHtml(sheet, { fileName: 'big.bpgraph.json', katexCss: '' })).toContain('<div class="long">');
  });

  it('refuse a graph past the limit, saying how big and what to do', () => {
    const big = square(32);
    expect(big.edges.length).toBeGreaterThan(MAX_SHEET_EDGES);
    expect(refusal(big)).toMatchObject({ path: ['edges'], message: expect.stringContaining(`the graph has ${big.edges.length} edges; a worksheet covers at most ${MAX_SHEET_EDGES}`) });
    expect(refusal(big).message).toContain('save a copy, delete the layers or neurons');
  });
});

describe('names', () => {
  it('use a node’s id where its label would repeat another node’s name (the bias labelled 1 beside neuron 1)', () => {
    const sheet = all(doc, 0);
    expect(sheet.sources[0].symbol).toBe('z_{\\text{in\\_1}}');
    expect(sheet.rows[0].symbol).toBe('s_{1}');
  });
});
