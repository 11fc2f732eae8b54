// The worksheet of every training option (cross-entropy on a sigmoid or softmax outputs, L1, L2,
// momentum with stored velocities, mini-batch): every number of its answer key against the
// engine's readout and the engine's own update, computed here apart from the worksheet.

import { describe, expect, it } from 'vitest';
import { applyUpdate, compile, readPass, trainingOptions, validateGraph, type GraphDoc, type TrainingSettings } from '../../../src/engine';
import { buildWorksheet, worksheetHtml, type Worksheet } from '../../../src/engine/worksheet';
import { makeDoc } from '../helpers';

const sheetOf = (d: GraphDoc, seed?: number): Worksheet => buildWorksheet(d, { example: 0, seed, blanks: { type: 'all' } });
const rowOf = (sheet: Worksheet, key: string) => {
  const row = sheet.rows.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no row ${key}`);
  return row;
};

/** bias, two inputs, a tanh and a relu neuron, one sigmoid output */
const binary = (training: Partial<TrainingSettings>, velocity = false): GraphDoc =>
  makeDoc(
    [
      { id: 'in_1', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      { id: 'y', type: 'input', feature: 1 },
      { id: 'a', type: 'neuron', activation: 'tanh' },
      { id: 'b', type: 'neuron', activation: 'relu' },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    [
      { id: 'e1', source: 'x', target: 'a', weight: 0.7, ...(velocity ? { velocity: 0.05 } : {}) },
      { id: 'e2', source: 'in_1', target: 'a', weight: -0.2, ...(velocity ? { velocity: -0.02 } : {}) },
      { id: 'e3', source: 'y', target: 'b', weight: 1.3 },
      { id: 'e4', source: 'a', target: 'o', weight: -0.4, ...(velocity ? { velocity: 0.11 } : {}) },
      { id: 'e5', source: 'b', target: 'o', weight: 0.9 },
      { id: 'e6', source: 'in_1', target: 'o', weight: 0.25, ...(velocity ? { velocity: -0.3 } : {}) },
      { id: 'e7', source: 'x', target: 'o', weight: -0.6 },
    ],
    [
      { x: [0.8, 0.4], y: [1] },
      { x: [-0.3, 0.9], y: [0] },
    ],
    { learningRate: 0.3, ...training },
  );

/** a hidden sigmoid layer of two into three softmax outputs, cross-entropy, one-hot targets */
const softmax = (training: Partial<TrainingSettings> = {}): GraphDoc =>
  makeDoc(
    [
      { id: 'in_1', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      { id: 'h1', type: 'neuron', activation: 'sigmoid' },
      { id: 'h2', type: 'neuron', activation: 'sigmoid' },
      ...[0, 1, 2].map((o) => ({ id: `o${o}`, type: 'neuron' as const, activation: 'softmax' as const, output: o })),
    ],
    [
      { id: 'a1', source: 'x', target: 'h1', weight: 0.9 },
      { id: 'a2', source: 'in_1', target: 'h1', weight: -0.1 },
      { id: 'a3', source: 'x', target: 'h2', weight: -0.5 },
      ...[0, 1, 2].flatMap((o) => [
        { id: `b${o}`, source: 'h1', target: `o${o}`, weight: 0.3 * (o + 1) - 0.5 },
        { id: `c${o}`, source: 'h2', target: `o${o}`, weight: 0.4 - 0.35 * o },
        { id: `d${o}`, source: 'in_1', target: `o${o}`, weight: 0.1 * o },
      ]),
    ],
    [{ x: [0.6], y: [0, 1, 0] }],
    { learningRate: 0.2, loss: 'crossEntropy', ...training },
  );

const CASES: [string, GraphDoc][] = [
  ['cross-entropy on one sigmoid output', binary({ loss: 'crossEntropy' })],
  ['cross-entropy on three softmax outputs', softmax()],
  ['L1', binary({ regularization: { kind: 'L1', rate: 0.01 } })],
  ['L2', binary({ regularization: { kind: 'L2', rate: 0.05 } })],
  ['momentum with stored velocities', binary({ momentum: 0.9 }, true)],
  ['cross-entropy, L2 and momentum together', binary({ loss: 'crossEntropy', regularization: { kind: 'L2', rate: 0.02 }, momentum: 0.5 }, true)],
  ['softmax with L1 and momentum, mini-batch', softmax({ regularization: { kind: 'L1', rate: 0.03 }, momentum: 0.8, mode: 'minibatch', batchSize: 4 })],
];

describe('worksheet of every option', () => {
  it('the fixtures are valid documents', () => {
    for (const [name, d] of CASES) expect(validateGraph(d), name).toEqual([]);
  });

  for (const [name, d] of CASES) {
    it(`every number of the key equals the engine's readout and update: ${name}`, () => {
      const sheet = sheetOf(d);
      const net = compile(d);
      const r = readPass(net, d.dataset.examples[0]);
      for (const node of r.nodes) {
        if (node.type !== 'neuron') continue;
        expect(rowOf(sheet, `s:${node.id}`).value).toBe(node.s);
        expect(rowOf(sheet, `z:${node.id}`).value).toBe(node.z);
        expect(rowOf(sheet, `dEds:${node.id}`).value).toBe(node.dEds);
        const dsigma = sheet.rows.find((row) => row.key === `dsigma:${node.id}`);
        if (dsigma) expect(dsigma.value).toBe(node.dsigma);
      }
      for (const edge of r.edges) expect(rowOf(sheet, `dEdw:${edge.id}`).value).toBe(edge.grad);
      expect(rowOf(sheet, 'E').value).toBe(r.error);
      // the engine's update of a batch of this one example, through applyUpdate on the readout's gradient
      const options = trainingOptions(d.training);
      applyUpdate(net, net.grad, { learningRate: options.learningRate, regularization: options.regularization, momentum: options.momentum });
      d.edges.forEach((edge, e) => {
        expect(rowOf(sheet, `w:${edge.id}`).value, edge.id).toBe(net.weights[e]);
        if (options.momentum > 0) expect(rowOf(sheet, `v:${edge.id}`).value, edge.id).toBe(net.velocity[e]);
      });
      expect(sheet.rows.filter((row) => row.blank).map((row) => row.key)).toEqual(sheet.rows.map((row) => row.key));
    });

    it(`every row recomputes from its written numbers: ${name}`, () => {
      for (const row of sheetOf(d).rows) expect(row.check, row.key).toBeCloseTo(row.value, 12);
    });

    it(`the page renders every formula: ${name}`, () => {
      const html = worksheetHtml(sheetOf(d), { fileName: 'x.bpgraph.json', katexCss: '' });
      expect(html).toContain('data-part="key"');
      expect(html).toContain('data-part="update-note"');
    });
  }
});

describe('what each option writes', () => {
  it('cross-entropy: E as −[y ln h + (1 − y) ln(1 − h)], ∂E/∂s = h − y at the output, no σ′ there', () => {
    const sheet = sheetOf(binary({ loss: 'crossEntropy' }));
    expect(rowOf(sheet, 'E').formula).toContain('\\ln');
    expect(rowOf(sheet, 'dEds:o').formula).toBe('z_{o} - y');
    expect(sheet.rows.some((row) => row.key === 'dsigma:o')).toBe(false);
    expect(rowOf(sheet, 'dsigma:a').value).toBeGreaterThan(0);
    expect(sheet.formulas.join(' ')).toContain('h_o - y_o');
  });

  it('softmax: each h_o is written over every output’s s', () => {
    const sheet = sheetOf(softmax());
    const h1 = rowOf(sheet, 'z:o1');
    for (const o of ['o0', 'o1', 'o2']) expect(h1.formula).toContain(`e^{s_{\\text{${o}}}}`);
    expect(rowOf(sheet, 'E').formula).toContain('y_{1} \\ln z_{\\text{o1}}');
    expect(sheet.formulas.join(' ')).toContain('softmax');
  });

  it('L1 and L2: the penalty on each non-bias weight, none on bias edges', () => {
    const l2 = sheetOf(binary({ regularization: { kind: 'L2', rate: 0.05 } }));
    expect(rowOf(l2, 'w:e1').formula).toContain('2\\lambda');
    expect(rowOf(l2, 'w:e2').formula).not.toContain('\\lambda');
    expect(rowOf(l2, 'w:e6').formula).not.toContain('\\lambda');
    const l1 = sheetOf(binary({ regularization: { kind: 'L1', rate: 0.01 } }));
    expect(rowOf(l1, 'w:e4').formula).toContain('\\operatorname{sign}');
    expect(rowOf(l1, 'w:e4').substituted).toContain('(-1)');
  });

  it('momentum: v′ = βv + g then w′ = w − ηv′, from the file’s velocities; a re-drawn sheet starts at v = 0', () => {
    const d = binary({ momentum: 0.9 }, true);
    const sheet = sheetOf(d);
    const keys = sheet.rows.filter((row) => row.phase === 'update').map((row) => row.key);
    expect(keys.slice(0, 4)).toEqual(['v:e1', 'w:e1', 'v:e2', 'w:e2']);
    expect(sheet.velocities.map((v) => v.value)).toEqual([0.05, -0.02, 0, 0.11, 0, -0.3, 0]);
    expect(rowOf(sheet, 'w:e1').formula).toContain("v_{x \\to a}'");
    expect(sheet.updateNote).toContain('velocity the file stores');
    const seeded = sheetOf(d, 3);
    expect(seeded.velocities.every((v) => v.value === 0)).toBe(true);
    expect(seeded.updateNote).toContain('starts at 0');
  });

  it('mini-batch and batch: the note says the update is this example’s step alone and how training sums', () => {
    expect(sheetOf(binary({ mode: 'minibatch', batchSize: 4 })).updateNote).toContain('each batch of 4 examples');
    expect(sheetOf(binary({ mode: 'batch' })).updateNote).toContain('all 2 training examples');
    expect(sheetOf(binary({})).updateNote).toContain('exactly the step after this example');
  });
});
