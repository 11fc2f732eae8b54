// The graph as a standalone NumPy program: forward and backward written out by hand, one line per
// neuron and per edge, exactly the tutorial's formulas; the same data, settings and loop as the
// PyTorch export. Rows of X are examples, so one pass serves one example or the whole batch.

import type { GraphDoc } from '../format/types';
import { exportPlan, type ExportPlan, type PlanNeuron } from './plan';
import { commentText, indent, nodeName, pyFloat, pyInt, pyStr, weightName } from './python';
import { PYTHON_RANDOM } from './pythonRandom';
import { scriptOf, type Section } from './sections';
import { dataSection, settingsCode, trainingMarkdown, weightsJsonCode, withArgparse } from './pythonShared';

const ACTIVATE = {
  sigmoid: (s: string) => `1 / (1 + np.exp(-${s}))`,
  tanh: (s: string) => `np.tanh(${s})`,
  linear: (s: string) => s,
  relu: (s: string) => `np.where(${s} > 0, ${s}, 0.0)`,
} as const;

/** σ'(s_k) from s and z */
const DERIVATIVE = {
  sigmoid: (s: string, z: string) => `${z} * (1 - ${z})`,
  tanh: (s: string, z: string) => `(1 - ${z} * ${z})`,
  linear: (s: string) => `np.ones_like(${s})`,
  relu: (s: string) => `np.where(${s} > 0, 1.0, 0.0)`,
} as const;

const key = (id: string): string => pyStr(id);

function weightsCode(plan: ExportPlan): string {
  const lines = plan.edges.map((e) => `    ${pyFloat(e.weight)},  # ${e.index}: ${commentText(pyStr(e.id))} ${weightName(e.source, e.target)}`);
  return [
    `EDGE_IDS = [${plan.edges.map((e) => pyStr(e.id)).join(', ')}]`,
    `w = np.array([${lines.length === 0 ? '' : `\n${lines.join('\n')}\n`}], dtype=np.float64)`,
  ].join('\n');
}

function forwardLines(n: PlanNeuron): string[] {
  const id = key(n.id);
  const sum = n.incoming.length === 0 ? 'np.zeros(len(x))' : n.incoming.map((e) => `z[${key(e.source)}] * w[${e.index}]`).join(' + ');
  return [
    `# neuron ${nodeName(n.id)}: s_${nodeName(n.id)} = Σ_j z_j w_{j→${nodeName(n.id)}}, z = ${n.activation}(s)`,
    `s[${id}] = ${sum}`,
    `z[${id}] = ${ACTIVATE[n.activation](`s[${id}]`)}`,
  ];
}

function forwardCode(plan: ExportPlan): string {
  return [
    'def forward(w, x):',
    '    """x: (n, features); s and z of every node, each an array over the n rows, in topological order"""',
    '    s, z = {}, {}',
    ...indent(plan.biases.map((b) => `z[${key(b.id)}] = np.ones(len(x))  # bias ${nodeName(b.id)}: z = 1`)),
    ...indent(plan.inputs.map((i) => `z[${key(i.id)}] = x[:, ${i.feature}]  # input ${nodeName(i.id)}: z = x[${i.feature}]`)),
    ...indent(plan.neurons.flatMap(forwardLines)),
    '    return s, z',
    '',
    '',
    'def outputs(z):',
    '    """h: (n, outputs), the output neurons\' z in output order"""',
    `    return np.stack([${plan.outputs.map((id) => `z[${key(id)}]`).join(', ')}], axis=1)`,
  ].join('\n');
}

/** ∂E/∂s_k = σ'(s_k) · (2 (h_o − y_o) if k is output o, + Σ_{k→m} w_{k→m} ∂E/∂s_m) */
function deltaLines(n: PlanNeuron): string[] {
  const id = key(n.id);
  const terms = [
    ...(n.output === undefined ? [] : [`2 * (z[${id}] - y[:, ${n.output}])`]),
    ...n.outgoing.map((e) => `w[${e.index}] * d[${key(e.target)}]`),
  ];
  const name = nodeName(n.id);
  const formula = [n.output === undefined ? null : `2 (h_${n.output} − y_${n.output})`, n.outgoing.length ? `Σ_{${name}→m} w_{${name}→m} ∂E/∂s_m` : null].filter(Boolean).join(' + ');
  if (terms.length === 0) return [`# neuron ${name} reaches no output: ∂E/∂s = 0`, `d[${id}] = np.zeros(len(y))`];
  return [`# ∂E/∂s_${name} = σ'(s_${name}) · (${formula})`, `d[${id}] = ${DERIVATIVE[n.activation](`s[${id}]`, `z[${id}]`)} * (${terms.join(' + ')})`];
}

function backwardCode(plan: ExportPlan): string {
  return [
    'def backward(w, s, z, y):',
    '    """∂E/∂w for every edge, summed over the rows; in reverse topological order"""',
    '    d = {}  # d[k] = ∂E/∂s_k',
    ...indent([...plan.neurons].reverse().flatMap(deltaLines)),
    '    g = np.empty_like(w)',
    '    # ∂E/∂w_{j→k} = ∂E/∂s_k · z_j',
    ...indent(plan.edges.map((e) => `g[${e.index}] = np.sum(d[${key(e.target)}] * z[${key(e.source)}])  # ∂E/∂${weightName(e.source, e.target)}`)),
    '    return g',
  ].join('\n');
}

const TRAIN_CODE = `def squared_error(h, y):
    """E = Σ_i Σ_o (h_o − y_o)², no ½"""
    return float(np.sum((h - y) ** 2))


def step(w, x, y):
    """E at w over the rows of x, and w − η ∂E/∂w"""
    s, z = forward(w, x)
    return squared_error(outputs(z), y), w - ETA * backward(w, s, z, y)


def train_epoch(w, epoch):
    """one epoch; returns E as measured during it, and the new weights"""
    if MODE == "batch":
        return step(w, X, Y)  # w ← w − η Σ_i ∂E_i/∂w, every gradient at the old w
    order = epoch_order(SEED, epoch, len(X)) if SHUFFLE else range(len(X))
    total = 0.0
    for i in order:
        error, w = step(w, X[i : i + 1], Y[i : i + 1])  # w ← w − η ∂E_i/∂w
        total += error
    return total, w


for epoch in range(START_EPOCH, START_EPOCH + EPOCHS):
    error, w = train_epoch(w, epoch)
    print(f"epoch {epoch + 1}: E = {error!r}")`;

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
    { markdown: trainingMarkdown, code: TRAIN_CODE },
    { markdown: 'The trained weights as JSON, by edge id.', code: weightsJsonCode('dict(zip(EDGE_IDS, w.tolist()))') },
  ];
}

const SCRIPT_HEADER = `#!/usr/bin/env python3
"""Exported from Backprop Studio (NumPy only). Run: python3 THIS.py [--epochs N] [--out trained-weights.json]"""`;

export function exportNumpy(doc: GraphDoc): string {
  return scriptOf(SCRIPT_HEADER, withArgparse(numpySections(doc)), '');
}
