// The graph as a standalone NumPy program: forward and backward written out by hand, one line per
// neuron and per edge, exactly the tutorial's formulas; the same data, settings and loop as the
// PyTorch export. Rows of X are examples, so one pass serves one example or the whole batch.

import { trainingOptions, type Activation, type GraphDoc } from '../format/types';
import { exportPlan, type ExportPlan, type PlanNeuron } from './plan';
import { commentText, indent, nodeName, pyFloat, pyInt, pyStr, weightName } from './python';
import { PYTHON_RANDOM } from './pythonRandom';
import { scriptOf, type Section } from './sections';
import { dataSection, settingsCode, trainingMarkdown, weightsJsonCode, withArgparse } from './pythonShared';

type Hidden = Exclude<Activation, 'softmax'>;

/** σ(s) of docs/graph-format.md, "Activations" (softmax: all outputs at once, in outputs()) */
const ACTIVATE: Record<Hidden, (s: string) => string> = {
  sigmoid: (s) => `1 / (1 + np.exp(-${s}))`,
  tanh: (s) => `np.tanh(${s})`,
  linear: (s) => s,
  relu: (s) => `np.where(${s} > 0, ${s}, 0.0)`,
  leakyRelu: (s) => `np.where(${s} > 0, ${s}, 0.01 * ${s})`,
  elu: (s) => `np.where(${s} > 0, ${s}, np.expm1(np.minimum(${s}, 0.0)))`,
  softplus: (s) => `softplus(${s})`,
  hardSigmoid: (s) => `np.clip(0.2 * ${s} + 0.5, 0.0, 1.0)`,
};

/** σ'(s_k) from s and z; at a kink the left-hand slope */
const DERIVATIVE: Record<Hidden, (s: string, z: string) => string> = {
  sigmoid: (s, z) => `${z} * (1 - ${z})`,
  tanh: (s, z) => `(1 - ${z} * ${z})`,
  linear: (s) => `np.ones_like(${s})`,
  relu: (s) => `np.where(${s} > 0, 1.0, 0.0)`,
  leakyRelu: (s) => `np.where(${s} > 0, 1.0, 0.01)`,
  elu: (s, z) => `np.where(${s} > 0, 1.0, ${z} + 1)`,
  softplus: (s) => `(1 / (1 + np.exp(-${s})))`,
  hardSigmoid: (s) => `np.where((0.2 * ${s} + 0.5 > 0) & (0.2 * ${s} + 0.5 < 1), 0.2, 0.0)`,
};

const key = (id: string): string => pyStr(id);

const flags = (plan: ExportPlan, pick: (e: ExportPlan['edges'][number]) => boolean): string =>
  `np.array([${plan.edges.map((e) => (pick(e) ? 'True' : 'False')).join(', ')}], dtype=bool)`;

function weightsCode(plan: ExportPlan): string {
  const lines = plan.edges.map((e) => `    ${pyFloat(e.weight)},  # ${e.index}: ${commentText(pyStr(e.id))} ${weightName(e.source, e.target)}${e.off ? ' (off)' : e.frozen ? ' (frozen)' : ''}`);
  return [
    `EDGE_IDS = [${plan.edges.map((e) => pyStr(e.id)).join(', ')}]`,
    `w = np.array([${lines.length === 0 ? '' : `\n${lines.join('\n')}\n`}], dtype=np.float64)`,
    `v = np.array([${plan.edges.map((e) => pyFloat(e.velocity)).join(', ')}], dtype=np.float64)  # momentum's velocity per edge`,
    `TRAINABLE = ${flags(plan, (e) => !e.frozen)}  # frozen edges (off, or an end off) keep w and v`,
    `REGULARIZED = ${flags(plan, (e) => e.regularized)}  # every trainable edge not from a bias node`,
  ].join('\n');
}

function inputLine(i: ExportPlan['inputs'][number]): string {
  const x = `x[:, ${i.feature}]`;
  const name = nodeName(i.id);
  if (i.off) return `z[${key(i.id)}] = np.zeros(len(x))  # input ${name}: off, z = 0`;
  if (i.transform === 'square') return `z[${key(i.id)}] = ${x} * ${x}  # input ${name}: z = x[${i.feature}]²`;
  if (i.transform === 'sin') return `z[${key(i.id)}] = np.sin(${x})  # input ${name}: z = sin x[${i.feature}]`;
  if (i.times !== undefined) return `z[${key(i.id)}] = ${x} * x[:, ${i.times}]  # input ${name}: z = x[${i.feature}] · x[${i.times}]`;
  return `z[${key(i.id)}] = ${x}  # input ${name}: z = x[${i.feature}]`;
}

function forwardLines(n: PlanNeuron): string[] {
  const id = key(n.id);
  if (n.off) return [`# neuron ${nodeName(n.id)}: off, s = 0, z = 0`, `s[${id}] = np.zeros(len(x))`, `z[${id}] = np.zeros(len(x))`];
  const on = n.incoming.filter((e) => !e.off); // an edge that is off contributes 0
  const sum = on.length === 0 ? 'np.zeros(len(x))' : on.map((e) => `z[${key(e.source)}] * w[${e.index}]`).join(' + ');
  const head = `# neuron ${nodeName(n.id)}: s_${nodeName(n.id)} = Σ_j z_j w_{j→${nodeName(n.id)}}`;
  if (n.activation === 'softmax') return [`${head}; h = softmax over the outputs' s (outputs())`, `s[${id}] = ${sum}`];
  return [`${head}, z = ${n.activation}(s)`, `s[${id}] = ${sum}`, `z[${id}] = ${ACTIVATE[n.activation](`s[${id}]`)}`];
}

function forwardCode(plan: ExportPlan): string {
  return [
    'def forward(w, x):',
    '    """x: (n, features); s and z of every node, each an array over the n rows, in topological order"""',
    '    s, z = {}, {}',
    ...indent(plan.biases.map((b) => `z[${key(b.id)}] = np.ones(len(x))  # bias ${nodeName(b.id)}: z = 1`)),
    ...indent(plan.inputs.map(inputLine)),
    ...indent(plan.neurons.flatMap(forwardLines)),
    ...(plan.softmax ? indent(plan.outputs.map((id, o) => `z[${key(id)}] = softmax(s)[:, ${o}]`)) : []),
    '    return s, z',
    '',
    '',
    'def output_s(s):',
    `    return np.stack([${plan.outputs.map((id) => `s[${key(id)}]`).join(', ')}], axis=1)`,
    '',
    '',
    'def softmax(s):',
    '    """h_o = exp(s_o − M) / Σ_m exp(s_m − M), M = max_o s_o"""',
    '    S = output_s(s)',
    '    e = np.exp(S - S.max(axis=1, keepdims=True))',
    '    return e / e.sum(axis=1, keepdims=True)',
    '',
    '',
    'def outputs(z):',
    '    """h: (n, outputs), the output neurons\' z in output order"""',
    `    return np.stack([${plan.outputs.map((id) => `z[${key(id)}]`).join(', ')}], axis=1)`,
  ].join('\n');
}

/** squared: ∂E/∂s_k = σ'(s_k) · (2 (h_o − y_o) if k is output o, + Σ_{k→m} w_{k→m} ∂E/∂s_m); cross-entropy: h_o − y_o at an output */
function deltaLines(n: PlanNeuron, crossEntropy: boolean): string[] {
  const id = key(n.id);
  const name = nodeName(n.id);
  if (n.off) return [`# neuron ${name} is off: σ' = 0, so ∂E/∂s = 0`, `d[${id}] = np.zeros(len(y))`];
  if (crossEntropy && n.output !== undefined) return [`# cross-entropy at output ${n.output}: ∂E/∂s_${name} = h_${n.output} − y_${n.output}`, `d[${id}] = z[${id}] - y[:, ${n.output}]`];
  const out = n.outgoing.filter((e) => !e.off);
  const terms = [...(n.output === undefined ? [] : [`2 * (z[${id}] - y[:, ${n.output}])`]), ...out.map((e) => `w[${e.index}] * d[${key(e.target)}]`)];
  const formula = [n.output === undefined ? null : `2 (h_${n.output} − y_${n.output})`, out.length ? `Σ_{${name}→m} w_{${name}→m} ∂E/∂s_m` : null].filter(Boolean).join(' + ');
  if (terms.length === 0) return [`# neuron ${name} reaches no output: ∂E/∂s = 0`, `d[${id}] = np.zeros(len(y))`];
  const slope = DERIVATIVE[n.activation as Hidden](`s[${id}]`, `z[${id}]`); // a softmax output has cross-entropy (above)
  return [`# ∂E/∂s_${name} = σ'(s_${name}) · (${formula})`, `d[${id}] = ${slope} * (${terms.join(' + ')})`];
}

function backwardCode(plan: ExportPlan): string {
  const crossEntropy = trainingOptions(plan.training).loss === 'crossEntropy';
  return [
    'def backward(w, s, z, y):',
    '    """∂E/∂w for every edge, summed over the rows; in reverse topological order"""',
    '    d = {}  # d[k] = ∂E/∂s_k',
    ...indent([...plan.neurons].reverse().flatMap((n) => deltaLines(n, crossEntropy))),
    '    g = np.zeros_like(w)',
    '    # ∂E/∂w_{j→k} = ∂E/∂s_k · z_j; 0 for a frozen edge',
    ...indent(plan.edges.filter((e) => !e.frozen).map((e) => `g[${e.index}] = np.sum(d[${key(e.target)}] * z[${key(e.source)}])  # ∂E/∂${weightName(e.source, e.target)}`)),
    '    return g',
  ].join('\n');
}

/** the loss of the file: squared (no ½) or cross-entropy (binary with one sigmoid output, or over softmax outputs) */
function lossCode(plan: ExportPlan): string {
  const t = trainingOptions(plan.training);
  if (t.loss === 'squared') return 'def loss(s, z, y):\n    """E = Σ_i Σ_o (h_o − y_o)², no ½"""\n    return float(np.sum((outputs(z) - y) ** 2))';
  if (!plan.softmax) {
    return [
      'def loss(s, z, y):',
      '    """binary cross-entropy E = Σ_i −[y ln h + (1 − y) ln(1 − h)] = Σ_i y softplus(−s) + (1 − y) softplus(s)"""',
      '    S = output_s(s)',
      '    return float(np.sum(y * softplus(-S) + (1 - y) * softplus(S)))',
    ].join('\n');
  }
  return [
    'def loss(s, z, y):',
    '    """cross-entropy over the softmax: E = Σ_i Σ_o y_o (L − (s_o − M)), L = ln Σ_o exp(s_o − M)"""',
    '    S = output_s(s)',
    '    shifted = S - S.max(axis=1, keepdims=True)',
    '    L = np.log(np.exp(shifted).sum(axis=1, keepdims=True))',
    '    return float(np.sum(y * (L - shifted)))',
  ].join('\n');
}

function optionsCode(plan: ExportPlan): string {
  const t = trainingOptions(plan.training);
  return [
    `BATCH_SIZE = ${pyInt(t.batchSize)}  # examples per update in "minibatch" mode`,
    `REG_KIND = ${pyStr(t.regularization.kind)}  # "none", "L1" (λ Σ |w|) or "L2" (λ Σ w²) over the non-bias, trainable edges`,
    `REG_RATE = ${pyFloat(t.regularization.rate)}  # λ`,
    `MOMENTUM = ${pyFloat(t.momentum)}  # β of the heavy ball; 0 = off`,
    `TEST = np.array([${plan.examples.map((ex) => (ex.test === true ? 'True' : 'False')).join(', ')}], dtype=bool)  # test examples: measured, never trained on`,
  ].join('\n');
}

const TRAIN_CODE = `def softplus(s):
    """ln(1 + e^s) = max(s, 0) + log1p(exp(−|s|))"""
    return np.where(s > 0, s, 0.0) + np.log1p(np.exp(-np.abs(s)))


def penalty_gradient(w):
    """R(w) = λ sign(w) (L1) or 2λ w (L2) on the regularised edges, at the weights before the update"""
    if REG_KIND == "L1":
        return np.where(REGULARIZED, REG_RATE * np.sign(w), 0.0)
    if REG_KIND == "L2":
        return np.where(REGULARIZED, (2 * REG_RATE) * w, 0.0)
    return np.zeros_like(w)


def update(w, v, x, y):
    """E at w over the rows of x (one batch), and the weights and velocities after one update"""
    s, z = forward(w, x)
    g = backward(w, s, z, y)  # G_e = Σ_{i∈B} ∂E_i/∂w_e: summed, not averaged
    if REG_KIND != "none":
        g = g + penalty_gradient(w)
    if MOMENTUM > 0:
        v = np.where(TRAINABLE, MOMENTUM * v + g, v)  # v ← β v + g
        w = np.where(TRAINABLE, w - ETA * v, w)  # w ← w − η v
    else:
        w = np.where(TRAINABLE, w - ETA * g, w)  # w ← w − η g
    return loss(s, z, y), w, v


X_TRAIN, Y_TRAIN = X[~TEST], Y[~TEST]
X_TEST, Y_TEST = X[TEST], Y[TEST]


def train_epoch(w, v, epoch):
    """one epoch over the training examples in batches of b; returns E as measured during it, the new w and v"""
    n = len(X_TRAIN)
    size = 1 if MODE == "sequential" else BATCH_SIZE if MODE == "minibatch" else max(n, 1)
    order = epoch_order(SEED, epoch, n) if SHUFFLE and MODE != "batch" else list(range(n))
    total = 0.0
    for start in range(0, n, size):
        rows = np.array(order[start : start + size], dtype=np.int64)
        error, w, v = update(w, v, X_TRAIN[rows], Y_TRAIN[rows])
        total += error
    return total, w, v


for epoch in range(START_EPOCH, START_EPOCH + EPOCHS):
    error, w, v = train_epoch(w, v, epoch)
    if len(X_TEST) > 0:
        s_test, z_test = forward(w, X_TEST)
        print(f"epoch {epoch + 1}: E = {error!r} test E = {loss(s_test, z_test, Y_TEST)!r}")
    else:
        print(f"epoch {epoch + 1}: E = {error!r}")`;

const V2_MARKDOWN = [
  'Version 2: the training examples are cut into batches of b (1 sequential, `BATCH_SIZE` mini-batch, N batch); per batch',
  '$G_e = \\sum_{i \\in B} \\partial E_i / \\partial w_e$ (summed, not averaged), $g_e = G_e + R(w_e)$ with',
  '$R(w) = \\lambda\\,\\mathrm{sign}(w)$ (L1) or $2\\lambda w$ (L2) on every non-bias trainable edge;',
  'momentum: $v \\leftarrow \\beta v + g$, $w \\leftarrow w - \\eta v$. Cross-entropy: $\\partial E_i/\\partial s_o = h_o - y_o$ at the outputs.',
  'Frozen edges keep $w$ and $v$; test examples are never trained on and their $E$ is printed after each epoch.',
].join('\n');

export function numpySections(doc: GraphDoc): Section[] {
  const plan = exportPlan(doc);
  return [
    { markdown: `**${commentText(plan.name)}**, exported from Backprop Studio to NumPy, in float64 throughout.`, code: 'import json\nimport math\n\nimport numpy as np' },
    { markdown: 'How long to train and where the trained weights go.', code: 'EPOCHS = 100\nOUT = "trained-weights.json"', parameters: true },
    { markdown: "The file's training settings.", code: settingsCode(plan, pyFloat, pyInt) },
    { markdown: 'The data set, embedded: one row of `X` per example, its targets in `Y`.', code: dataSection(plan, 'np.array') },
    { markdown: "The weights w_{j→k}, one per edge in the file's order (the bias is the weight from the constant node z = 1).", code: weightsCode(plan) },
    { markdown: 'Forward pass in topological order: s_k = Σ_j z_j w_{j→k}, z_k = σ(s_k).', code: forwardCode(plan) },
    {
      markdown: "Backward pass in reverse order: ∂E/∂s_k = σ'(s_k) (2 (h_o − y_o) [k is output o] + Σ_{k→m} w_{k→m} ∂E/∂s_m), then ∂E/∂w_{j→k} = ∂E/∂s_k z_j.",
      code: backwardCode(plan),
    },
    { markdown: "The engine's seeded generator (sfc32 through splitmix32), for the shuffled order.", code: PYTHON_RANDOM },
    { markdown: 'The loss.', code: lossCode(plan) },
    { markdown: 'Version 2 settings: mini-batch size, regularisation, momentum, and which examples are test examples.', code: optionsCode(plan) },
    { markdown: `${trainingMarkdown}\n${V2_MARKDOWN}`, code: TRAIN_CODE },
    { markdown: 'The trained weights (and velocities) as JSON, by edge id.', code: weightsJsonCode('dict(zip(EDGE_IDS, w.tolist()))', 'dict(zip(EDGE_IDS, v.tolist()))') },
  ];
}

const SCRIPT_HEADER = `#!/usr/bin/env python3
"""Exported from Backprop Studio (NumPy only). Run: python3 THIS.py [--epochs N] [--out trained-weights.json]"""`;

export function exportNumpy(doc: GraphDoc): string {
  return scriptOf(SCRIPT_HEADER, withArgparse(numpySections(doc)), '');
}
