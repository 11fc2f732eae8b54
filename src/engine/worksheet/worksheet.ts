// One example's forward pass, backward pass and update written as a worksheet: rows of (quantity,
// formula, the formula with this example's numbers, value), every value the engine's readout
// (readout.ts) of that example, and the update the engine's trainExample makes from it. The
// document's loss, regulariser and momentum are written as docs/graph-format.md states them
// (lossRows.ts, updateRows.ts). A seed re-draws the weights first (random.ts initWeights, which
// also clears the velocities), so a teacher can hand each student the same network with
// different numbers.

import { activate, activateDerivative, ACTIVATION_CODE } from '../activation';
import { compile } from '../compile';
import type { Example, GraphDoc, GraphNode, NeuronNode, Regularization, TrainingOptions } from '../format/types';
import { trainingOptions } from '../format/types';
import { initWeights } from '../random';
import { byId, readPass, type EdgeReadout, type NeuronReadout, type PassReadout } from '../readout';
import { trainExample } from '../train';
import { ACTIVATION_TEX, type SheetActivation } from './activationTex';
import { isBlank, type BlankChoice } from './blanks';
import { WorksheetError } from './errors';
import { errorRow, outputDeltaRow, softmaxRow } from './lossRows';
import { crossEntropy, yTex, type Row, type Sheet, type SheetUpdate, type WorksheetRow } from './sheet';

export type { WorksheetRow } from './sheet';
import { texDEds, texDEdw, texDsigma, texFactor, texName, texNumber, texS, texSum, texV, texW, texZ } from './tex';
import { updateRows } from './updateRows';

/**
 * the largest graph a sheet is written for: each weight brings two or three rows, so 600 edges are
 * some 1,800 rows, about 90 printed pages and a 26 MB page (961 edges with momentum measured 41.6 MB,
 * near the desktop's 60 MiB hand-over to its PDF printer); past that the teacher is asked for a
 * smaller copy
 */
export const MAX_SHEET_EDGES = 600;
/** a sheet with more rows than fit on about two pages starts each phase on a page of its own */
export const LONG_SHEET_ROWS = 60;

/** a number the sheet gives: an input's z_j or a weight w_{j→k} */
export interface GivenValue {
  key: string;
  symbol: string;
  value: number;
}

export interface Worksheet {
  /** the document's name, or null */
  title: string | null;
  example: number;
  x: readonly number[];
  y: readonly number[];
  /** the seed the weights were re-drawn from, or null: the document's own weights */
  seed: number | null;
  /** η */
  eta: number;
  loss: TrainingOptions['loss'];
  regularization: Pick<Regularization, 'kind' | 'rate'>;
  /** β (0: no momentum) */
  momentum: number;
  /** what the update rows are: this example's step alone, and how training's batches differ */
  updateNote: string;
  /** the inputs' z (x, a derived feature, or 1 for the bias) */
  sources: readonly GivenValue[];
  /** every weight before the update */
  weights: readonly GivenValue[];
  /** with momentum, every edge's velocity v before the update (the document's stored ones); else empty */
  velocities: readonly GivenValue[];
  /** the general formulas the rows use, in TeX */
  formulas: readonly string[];
  rows: readonly WorksheetRow[];
}

export interface WorksheetOptions {
  example: number;
  /** re-draw every weight from this seed first; absent: the document's weights */
  seed?: number;
  blanks: BlankChoice;
}

/** throws WorksheetError (with a path) for what the sheet cannot write, GraphFileError for an invalid graph */
export function buildWorksheet(doc: GraphDoc, options: WorksheetOptions): Worksheet {
  checkSheetable(doc, options.example);
  const used = options.seed === undefined ? doc : initWeights(doc, options.seed);
  const example = used.dataset.examples[options.example];
  const readout = readPass(compile(used), example);
  const sheet = sheetOf(used, readout, example);
  const rows = [...forwardRows(sheet), ...backwardRows(sheet), ...updateRows(sheet)].map((row) => ({
    ...row,
    blank: isBlank(row, options.blanks),
  }));
  return {
    title: used.name ?? null,
    example: options.example,
    x: example.x,
    y: example.y,
    seed: options.seed ?? null,
    eta: sheet.eta,
    loss: sheet.options.loss,
    regularization: { kind: sheet.options.regularization.kind, rate: sheet.options.regularization.rate },
    momentum: sheet.options.momentum,
    updateNote: updateNote(used, options.seed !== undefined),
    sources: sourceValues(sheet),
    weights: readout.edges.map((e) => ({ key: `w:${e.id}`, symbol: texW(sheet.name(e.source), sheet.name(e.target)), value: e.weight })),
    velocities: sheet.options.momentum > 0 ? readout.edges.map((e) => ({ key: `v:${e.id}`, symbol: texV(sheet.name(e.source), sheet.name(e.target)), value: sheet.velocity[e.id] })) : [],
    formulas: formulasUsed(used, sheet),
    rows,
  };
}

/** the row keys a worksheet of this document has (for checking a list of blanks before building) */
export function worksheetKeys(doc: GraphDoc, example: number): Set<string> {
  return new Set(buildWorksheet(doc, { example, blanks: { type: 'none' } }).rows.map((r) => r.key));
}

/** every loss, regulariser and momentum is written; switched-off parts and graphs past MAX_SHEET_EDGES are not */
function checkSheetable(doc: GraphDoc, example: number): void {
  const n = doc.dataset.examples.length;
  if (!Number.isInteger(example) || example < 0 || example >= n) {
    const range = n === 0 ? 'the dataset has no examples' : `choose 0..${n - 1}`;
    throw new WorksheetError(['dataset', 'examples', example], `example ${example} does not exist; ${range}`);
  }
  doc.nodes.forEach((node, i) => {
    if (node.off === true) throw new WorksheetError(['nodes', i, 'off'], `node ${node.id} is switched off: switch it on or delete it for the worksheet`);
  });
  doc.edges.forEach((edge, i) => {
    if (edge.off === true) throw new WorksheetError(['edges', i, 'off'], `edge ${edge.id} is switched off: switch it on or delete it for the worksheet`);
  });
  if (doc.edges.length > MAX_SHEET_EDGES) {
    throw new WorksheetError(
      ['edges'],
      `the graph has ${doc.edges.length} edges; a worksheet covers at most ${MAX_SHEET_EDGES} (some ${3 * MAX_SHEET_EDGES} rows): save a copy, delete the layers or neurons the class need not work through, and print that copy's worksheet`,
    );
  }
  if (!doc.nodes.some((node) => node.type === 'neuron' && node.output !== undefined)) {
    throw new WorksheetError(['nodes'], 'the graph has no output neuron, so there is no error to differentiate');
  }
}

function sheetOf(doc: GraphDoc, readout: PassReadout, example: Example): Sheet {
  const names = displayNames(doc.nodes);
  const neuron: Record<string, NeuronNode> = byId(doc.nodes.filter((n): n is NeuronNode => n.type === 'neuron'));
  const outputIndex = new Map<string, number>();
  for (const node of Object.values(neuron)) if (node.output !== undefined) outputIndex.set(node.id, node.output);
  const bias = new Set(doc.nodes.filter((n) => n.type === 'bias').map((n) => n.id));
  const velocity: Record<string, number> = {};
  for (const e of doc.edges) velocity[e.id] = e.velocity ?? 0;
  const options = trainingOptions(doc.training);
  return {
    readout,
    nodes: byId(readout.nodes),
    edges: byId(readout.edges),
    name: (id) => names.get(id) ?? texName(id),
    neuron,
    outputIndex,
    y: example.y,
    eta: options.learningRate,
    options,
    biasEdge: new Set(doc.edges.filter((e) => bias.has(e.source)).map((e) => e.id)),
    velocity,
    update: engineUpdate(doc, options, example),
  };
}

/** the engine's own update from this example alone: trainExample with the document's regulariser and momentum */
function engineUpdate(doc: GraphDoc, options: TrainingOptions, example: Example): SheetUpdate {
  const net = compile(doc);
  trainExample(net, example.x, example.y, options.learningRate, { regularization: options.regularization, momentum: options.momentum });
  const next: Record<string, number> = {};
  const nextVelocity: Record<string, number> = {};
  doc.edges.forEach((e, i) => {
    next[e.id] = net.weights[i];
    nextVelocity[e.id] = net.velocity[i];
  });
  return { next, nextVelocity };
}

/** each node's subscript: its label (else id), or its id when another node would show the same name */
function displayNames(nodes: readonly GraphNode[]): Map<string, string> {
  const wanted = (node: GraphNode) => node.label ?? node.id;
  const count = new Map<string, number>();
  for (const node of nodes) count.set(wanted(node), (count.get(wanted(node)) ?? 0) + 1);
  return new Map(nodes.map((node) => [node.id, texName(count.get(wanted(node)) === 1 ? wanted(node) : node.id)]));
}

const neuronsInOrder = (sheet: Sheet): NeuronReadout[] =>
  sheet.readout.order.map((id) => sheet.nodes[id]).filter((n): n is NeuronReadout => 'dEds' in n);

const incoming = (sheet: Sheet, k: string): EdgeReadout[] => sheet.readout.edges.filter((e) => e.target === k);
const outgoing = (sheet: Sheet, k: string): EdgeReadout[] => sheet.readout.edges.filter((e) => e.source === k);
const activationOf = (sheet: Sheet, k: string): SheetActivation => {
  const act = sheet.neuron[k].activation;
  // softmax is only on cross-entropy outputs (a format rule), whose rows lossRows.ts writes
  if (act === 'softmax') throw new WorksheetError(['nodes'], 'a softmax neuron has no σ of its own');
  return act;
};
const isSoftmax = (sheet: Sheet, k: string): boolean => sheet.neuron[k].activation === 'softmax';

function sourceValues(sheet: Sheet): GivenValue[] {
  return sheet.readout.nodes
    .filter((n) => n.type !== 'neuron')
    .map((n) => ({ key: `z:${n.id}`, symbol: texZ(sheet.name(n.id)), value: n.z }));
}

function forwardRows(sheet: Sheet): Row[] {
  const rows: Row[] = [];
  for (const k of neuronsInOrder(sheet)) rows.push(sumRow(sheet, k), isSoftmax(sheet, k.id) ? softmaxRow(sheet, k) : activationRow(sheet, k));
  rows.push(errorRow(sheet));
  return rows;
}

/** s_k = Σ_j z_j w_{j→k} */
function sumRow(sheet: Sheet, k: NeuronReadout): Row {
  const edges = incoming(sheet, k.id);
  const z = (e: EdgeReadout) => sheet.nodes[e.source].z;
  return {
    key: `s:${k.id}`,
    kind: 's',
    phase: 'forward',
    symbol: texS(sheet.name(k.id)),
    formula: texSum(edges.map((e) => `${texZ(sheet.name(e.source))}\\,${texW(sheet.name(e.source), sheet.name(e.target))}`)),
    substituted: texSum(edges.map((e) => `${texFactor(z(e))} \\cdot ${texFactor(e.weight)}`)),
    value: k.s,
    check: edges.reduce((acc, e) => acc + z(e) * e.weight, 0),
  };
}

/** z_k = σ(s_k) */
function activationRow(sheet: Sheet, k: NeuronReadout): Row {
  const act = activationOf(sheet, k.id);
  const tex = ACTIVATION_TEX[act];
  return {
    key: `z:${k.id}`,
    kind: 'z',
    phase: 'forward',
    symbol: texZ(sheet.name(k.id)),
    formula: tex.value(texS(sheet.name(k.id))),
    substituted: tex.value(texNumber(k.s)),
    value: k.z,
    check: activate(ACTIVATION_CODE[act], k.s),
  };
}

function backwardRows(sheet: Sheet): Row[] {
  const rows: Row[] = [];
  for (const k of neuronsInOrder(sheet).reverse()) {
    const o = sheet.outputIndex.get(k.id);
    // at a cross-entropy output ∂E_i/∂s_o = h_o − y_o: σ' is not used there
    if (crossEntropy(sheet) && o !== undefined) rows.push(outputDeltaRow(sheet, k, o));
    else rows.push(derivativeRow(sheet, k), deltaRow(sheet, k));
    for (const e of incoming(sheet, k.id)) rows.push(gradientRow(sheet, k, e));
  }
  return rows;
}

/** σ'(s_k), through z_k or s_k */
function derivativeRow(sheet: Sheet, k: NeuronReadout): Row {
  const act = activationOf(sheet, k.id);
  const tex = ACTIVATION_TEX[act];
  return {
    key: `dsigma:${k.id}`,
    kind: 'dsigma',
    phase: 'backward',
    symbol: texDsigma(sheet.name(k.id)),
    formula: tex.derivative(sheet.name(k.id)),
    substituted: tex.derivativeWith(k.s, k.z),
    value: k.dsigma,
    check: activateDerivative(ACTIVATION_CODE[act], k.s, k.z),
  };
}

/** ∂E_i/∂s_k = (2(h_k − y_k) at an output + Σ_{k→m} ∂E_i/∂s_m · w_{k→m}) · σ'(s_k) */
function deltaRow(sheet: Sheet, k: NeuronReadout): Row {
  const name = sheet.name(k.id);
  const o = sheet.outputIndex.get(k.id);
  const edges = outgoing(sheet, k.id);
  const later = (e: EdgeReadout): number => {
    const m = sheet.nodes[e.target];
    return 'dEds' in m ? m.dEds : 0;
  };
  const symbolic: string[] = [];
  const plugged: string[] = [];
  let inner = 0;
  if (o !== undefined) {
    symbolic.push(`2\\,(${texZ(name)} - ${yTex(sheet, o)})`);
    plugged.push(`2\\,(${texNumber(k.z)} - ${texFactor(sheet.y[o])})`);
    inner += 2 * (k.z - sheet.y[o]);
  }
  for (const e of edges) {
    symbolic.push(`${texDEds(sheet.name(e.target))}\\,${texW(name, sheet.name(e.target))}`);
    plugged.push(`${texFactor(later(e))} \\cdot ${texFactor(e.weight)}`);
    inner += later(e) * e.weight;
  }
  return {
    key: `dEds:${k.id}`,
    kind: 'dEds',
    phase: 'backward',
    symbol: texDEds(name),
    formula: `\\left(${texSum(symbolic)}\\right) ${texDsigma(name)}`,
    substituted: `\\left(${texSum(plugged)}\\right) \\cdot ${texFactor(k.dsigma)}`,
    value: k.dEds,
    check: inner * k.dsigma,
  };
}

/** ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j */
function gradientRow(sheet: Sheet, k: NeuronReadout, e: EdgeReadout): Row {
  const j = sheet.name(e.source);
  const zj = sheet.nodes[e.source].z;
  return {
    key: `dEdw:${e.id}`,
    kind: 'dEdw',
    phase: 'backward',
    symbol: texDEdw(j, sheet.name(k.id)),
    formula: `${texDEds(sheet.name(k.id))}\\,${texZ(j)}`,
    substituted: `${texFactor(k.dEds)} \\cdot ${texFactor(zj)}`,
    value: e.grad,
    check: k.dEds * zj,
  };
}

/** the general formulas, with each activation the graph uses, its loss, regulariser and momentum */
function formulasUsed(doc: GraphDoc, sheet: Sheet): string[] {
  const acts = new Set<SheetActivation>();
  for (const node of doc.nodes) if (node.type === 'neuron' && node.activation !== 'softmax') acts.add(node.activation);
  const ce = crossEntropy(sheet);
  const softmax = ce && sheet.readout.outputs.length > 1;
  const { regularization: reg, momentum } = sheet.options;
  const dEdw = '\\frac{\\partial E_i}{\\partial w_{j \\to k}}';
  const g = reg.kind === 'L1' ? `g = ${dEdw} + \\lambda \\operatorname{sign}(w_{j \\to k})` : reg.kind === 'L2' ? `g = ${dEdw} + 2\\lambda\\, w_{j \\to k}` : null;
  const step = g === null ? dEdw : 'g';
  const loss = ce
    ? [
        softmax ? 'E_i = -\\sum_o y_o \\ln h_o' : 'E_i = -\\big[y \\ln h + (1 - y) \\ln(1 - h)\\big], \\quad h = z_o',
        '\\frac{\\partial E_i}{\\partial s_o} = h_o - y_o \\text{ at an output}',
        "\\frac{\\partial E_i}{\\partial s_k} = \\Big(\\sum_{k \\to m} \\frac{\\partial E_i}{\\partial s_m}\\, w_{k \\to m}\\Big)\\, \\sigma'(s_k) \\text{ elsewhere}",
      ]
    : [
        'E_i = \\sum_o (h_o - y_o)^2, \\quad h_o = z_o',
        "\\frac{\\partial E_i}{\\partial s_k} = \\Big(2\\,(h_k - y_k)\\,[k \\text{ an output}] + \\sum_{k \\to m} \\frac{\\partial E_i}{\\partial s_m}\\, w_{k \\to m}\\Big)\\, \\sigma'(s_k)",
      ];
  return [
    's_k = \\sum_{j \\to k} z_j\\, w_{j \\to k}',
    'z_k = \\sigma(s_k)',
    ...[...acts].map((act) => ACTIVATION_TEX[act].name),
    ...(softmax ? ['h_o = z_o = \\frac{e^{s_o}}{\\sum_m e^{s_m}} \\text{ (softmax: each output’s } h \\text{ uses every output’s } s)'] : []),
    ...loss,
    '\\frac{\\partial E_i}{\\partial w_{j \\to k}} = \\frac{\\partial E_i}{\\partial s_k}\\, z_j',
    ...(g === null ? [] : [`${g} \\text{ (bias edges: no penalty)}, \\quad \\lambda = ${texNumber(reg.rate)}`]),
    ...(momentum > 0
      ? [`v_{j \\to k}' = \\beta\\, v_{j \\to k} + ${step}, \\quad w_{j \\to k}' = w_{j \\to k} - \\eta\\, v_{j \\to k}', \\quad \\beta = ${texNumber(momentum)}`]
      : [`w_{j \\to k}' = w_{j \\to k} - \\eta\\, ${step}`]),
  ];
}

/** what the update rows mean: this example's step alone, beside the document's training mode */
function updateNote(doc: GraphDoc, seeded: boolean): string {
  const options = trainingOptions(doc.training);
  const n = doc.dataset.examples.filter((e) => e.test !== true).length;
  const alone = 'The update is the step training makes from this example alone (a batch of one).';
  const sums = options.mode === 'batch' ? `batch mode training sums ∂E_i/∂w over all ${n} training examples` : `mini-batch mode training sums ∂E_i/∂w over each batch of ${options.batchSize} examples`;
  const mode =
    options.mode === 'sequential'
      ? ' In this document’s sequential mode that is exactly the step after this example.'
      : ` In this document’s ${sums} and then makes one such step${options.regularization.kind === 'none' ? '' : ', adding the regulariser’s term once'}.`;
  const velocity = options.momentum > 0 ? (seeded ? ' The weights were re-drawn, so every velocity v starts at 0.' : ' v is the velocity the file stores for each weight.') : '';
  return alone + mode + velocity;
}
