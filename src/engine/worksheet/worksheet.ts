// One example's forward pass, backward pass and update written as a worksheet: rows of (quantity,
// formula, the formula with this example's numbers, value), every value the engine's readout
// (readout.ts) of that example. A seed re-draws the weights first (random.ts initWeights), so a
// teacher can hand each student the same network with different numbers.

import { activate, activateDerivative, ACTIVATION_CODE } from '../activation';
import { compile } from '../compile';
import type { GraphDoc, GraphNode, NeuronNode } from '../format/types';
import { trainingOptions } from '../format/types';
import { initWeights } from '../random';
import { byId, readPass, type EdgeReadout, type NeuronReadout, type PassReadout } from '../readout';
import { ACTIVATION_TEX, type SheetActivation } from './activationTex';
import { isBlank, type BlankChoice, type BlankRow } from './blanks';
import { WorksheetError } from './errors';
import { texDEds, texDEdw, texDsigma, texFactor, texName, texNewW, texNumber, texS, texSum, texW, texZ } from './tex';

/** more weights than a person works through by hand (each brings three rows); a bigger graph is refused */
export const MAX_SHEET_EDGES = 200;

export interface WorksheetRow extends BlankRow {
  /** the quantity in TeX, e.g. "s_{3}" */
  symbol: string;
  /** its formula in symbols */
  formula: string;
  /** the formula with this example's numbers substituted */
  substituted: string;
  /** the engine's value */
  value: number;
  /** the same value recomputed from the substituted (unrounded) numbers */
  check: number;
  blank: boolean;
}

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
  /** the inputs' z (x, a derived feature, or 1 for the bias) */
  sources: readonly GivenValue[];
  /** every weight before the update */
  weights: readonly GivenValue[];
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

/** what one pass gives the row builders */
interface Sheet {
  readout: PassReadout;
  nodes: Record<string, NeuronReadout | { id: string; z: number }>;
  edges: Record<string, EdgeReadout>;
  name: (id: string) => string;
  neuron: Record<string, NeuronNode>;
  outputIndex: Map<string, number>;
  y: readonly number[];
  eta: number;
}

/** throws WorksheetError (with a path) for what the sheet cannot write, GraphFileError for an invalid graph */
export function buildWorksheet(doc: GraphDoc, options: WorksheetOptions): Worksheet {
  checkSheetable(doc, options.example);
  const used = options.seed === undefined ? doc : initWeights(doc, options.seed);
  const example = used.dataset.examples[options.example];
  const readout = readPass(compile(used), example);
  const sheet = sheetOf(used, readout, example.y);
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
    sources: sourceValues(sheet),
    weights: readout.edges.map((e) => ({ key: `w:${e.id}`, symbol: texW(sheet.name(e.source), sheet.name(e.target)), value: e.weight })),
    formulas: formulasUsed(used),
    rows,
  };
}

/** the row keys a worksheet of this document has (for checking a list of blanks before building) */
export function worksheetKeys(doc: GraphDoc, example: number): Set<string> {
  return new Set(buildWorksheet(doc, { example, blanks: { type: 'none' } }).rows.map((r) => r.key));
}

/** the worksheet writes the tutorial's math: squared error, plain gradient step, everything switched on */
function checkSheetable(doc: GraphDoc, example: number): void {
  const n = doc.dataset.examples.length;
  if (!Number.isInteger(example) || example < 0 || example >= n) {
    const range = n === 0 ? 'the dataset has no examples' : `choose 0..${n - 1}`;
    throw new WorksheetError(['dataset', 'examples', example], `example ${example} does not exist; ${range}`);
  }
  const options = trainingOptions(doc.training);
  if (options.loss !== 'squared') throw new WorksheetError(['training', 'loss'], 'the worksheet writes the squared error E = Σ (h − y)²; this document uses cross-entropy');
  if (options.momentum > 0) throw new WorksheetError(['training', 'momentum'], 'the worksheet writes the plain step w − η ∂E/∂w; this document uses momentum');
  if (options.regularization.kind !== 'none' && options.regularization.rate > 0) throw new WorksheetError(['training', 'regularization'], `the worksheet writes the plain step w − η ∂E/∂w; this document adds ${options.regularization.kind} regularization`);
  doc.nodes.forEach((node, i) => {
    if (node.off === true) throw new WorksheetError(['nodes', i, 'off'], `node ${node.id} is switched off: switch it on or delete it for the worksheet`);
  });
  doc.edges.forEach((edge, i) => {
    if (edge.off === true) throw new WorksheetError(['edges', i, 'off'], `edge ${edge.id} is switched off: switch it on or delete it for the worksheet`);
  });
  if (doc.edges.length > MAX_SHEET_EDGES) {
    throw new WorksheetError(['edges'], `the graph has ${doc.edges.length} edges; a worksheet to work by hand takes at most ${MAX_SHEET_EDGES}`);
  }
  if (!doc.nodes.some((node) => node.type === 'neuron' && node.output !== undefined)) {
    throw new WorksheetError(['nodes'], 'the graph has no output neuron, so there is no error to differentiate');
  }
}

function sheetOf(doc: GraphDoc, readout: PassReadout, y: readonly number[]): Sheet {
  const names = displayNames(doc.nodes);
  const neuron: Record<string, NeuronNode> = byId(doc.nodes.filter((n): n is NeuronNode => n.type === 'neuron'));
  const outputIndex = new Map<string, number>();
  for (const node of Object.values(neuron)) if (node.output !== undefined) outputIndex.set(node.id, node.output);
  return {
    readout,
    nodes: byId(readout.nodes),
    edges: byId(readout.edges),
    name: (id) => names.get(id) ?? texName(id),
    neuron,
    outputIndex,
    y,
    eta: doc.training.learningRate,
  };
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
  if (act === 'softmax') throw new WorksheetError(['nodes'], 'the worksheet does not write softmax outputs');
  return act;
};
const yTex = (sheet: Sheet, o: number): string => (sheet.y.length > 1 ? `y_{${o}}` : 'y');

function sourceValues(sheet: Sheet): GivenValue[] {
  return sheet.readout.nodes
    .filter((n) => n.type !== 'neuron')
    .map((n) => ({ key: `z:${n.id}`, symbol: texZ(sheet.name(n.id)), value: n.z }));
}

type Row = Omit<WorksheetRow, 'blank'>;

function forwardRows(sheet: Sheet): Row[] {
  const rows: Row[] = [];
  for (const k of neuronsInOrder(sheet)) rows.push(sumRow(sheet, k), activationRow(sheet, k));
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

/** E_i = Σ_o (h_o − y_o)², h_o = z of output neuron o */
function errorRow(sheet: Sheet): Row {
  const outs = sheet.readout.outputs;
  return {
    key: 'E',
    kind: 'E',
    phase: 'forward',
    symbol: 'E_i',
    formula: texSum(outs.map((o, i) => `(${texZ(sheet.name(o.nodeId))} - ${yTex(sheet, i)})^2`)),
    substituted: texSum(outs.map((o) => `(${texNumber(o.h)} - ${texFactor(o.y)})^2`)),
    value: sheet.readout.error,
    check: outs.reduce((acc, o) => acc + (o.h - o.y) ** 2, 0),
  };
}

function backwardRows(sheet: Sheet): Row[] {
  const rows: Row[] = [];
  for (const k of neuronsInOrder(sheet).reverse()) {
    rows.push(derivativeRow(sheet, k), deltaRow(sheet, k));
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

/** w'_{j→k} = w_{j→k} − η ∂E_i/∂w_{j→k}, in edge order */
function updateRows(sheet: Sheet): Row[] {
  return sheet.readout.edges.map((e) => {
    const j = sheet.name(e.source);
    const k = sheet.name(e.target);
    const value = e.weight - sheet.eta * e.grad;
    return {
      key: `w:${e.id}`,
      kind: 'w',
      phase: 'update',
      symbol: texNewW(j, k),
      formula: `${texW(j, k)} - \\eta\\,${texDEdw(j, k)}`,
      substituted: `${texNumber(e.weight)} - ${texNumber(sheet.eta)} \\cdot ${texFactor(e.grad)}`,
      value,
      check: e.weight - sheet.eta * e.grad,
    };
  });
}

/** the general formulas, with each activation the graph uses */
function formulasUsed(doc: GraphDoc): string[] {
  const acts = new Set<SheetActivation>();
  for (const node of doc.nodes) if (node.type === 'neuron' && node.activation !== 'softmax') acts.add(node.activation);
  return [
    's_k = \\sum_{j \\to k} z_j\\, w_{j \\to k}',
    'z_k = \\sigma(s_k)',
    ...[...acts].map((act) => ACTIVATION_TEX[act].name),
    'E_i = \\sum_o (h_o - y_o)^2, \\quad h_o = z_o',
    '\\frac{\\partial E_i}{\\partial s_k} = \\Big(2\\,(h_k - y_k)\\,[k \\text{ an output}] + \\sum_{k \\to m} \\frac{\\partial E_i}{\\partial s_m}\\, w_{k \\to m}\\Big)\\, \\sigma\'(s_k)',
    '\\frac{\\partial E_i}{\\partial w_{j \\to k}} = \\frac{\\partial E_i}{\\partial s_k}\\, z_j',
    "w_{j \\to k}' = w_{j \\to k} - \\eta\\, \\frac{\\partial E_i}{\\partial w_{j \\to k}}",
  ];
}
