// The PyTorch export's explanations: the tutorial's formulas in Markdown, for the options the file
// uses only (the notebook shows them as cells, the script as comments).

import type { OptionsInUse } from './inUse';
import { ACTIVATION_FORMULA } from './torchActivations';

export function forwardMarkdown(used: OptionsInUse): string {
  return [
    'The graph as a module. Forward pass, in topological order: $s_k = \\sum_j z_j\\, w_{j\\to k}$, $z_k = \\sigma(s_k)$; the bias is the weight from the constant node $z = 1$.',
    ...[...used.activations].sort().map((a) => `- ${ACTIVATION_FORMULA[a]}`),
    ...(used.derivedInputs ? ['- derived inputs: $x_i^2$ as the product $x_i \\cdot x_i$, $\\sin x_i$, $x_i x_j$'] : []),
    ...(used.ablation ? ['- switched off: a node has $z = 0$ (a neuron also $s = 0$, $\\sigma\' = 0$); an edge contributes $0$ to $s$. An edge that is off, or has an end off, is frozen: no gradient, no update.'] : []),
  ].join('\n');
}

export function lossMarkdown(used: OptionsInUse): string {
  if (!used.crossEntropy) return "The loss, the tutorial's (no ½): $E = \\sum_i \\sum_o (h_o(x_i) - y_{i,o})^2$, so $\\partial E_i / \\partial h_o = 2 (h_o - y_o)$.";
  if (used.binaryCrossEntropy) {
    return 'The loss: binary cross-entropy over the sigmoid output, $E_i = -[y \\ln h + (1 - y) \\ln(1 - h)] = y\\, \\mathrm{softplus}(-s) + (1 - y)\\, \\mathrm{softplus}(s)$, with $\\partial E_i / \\partial s = h - y$.';
  }
  return [
    'The loss: cross-entropy over the softmax outputs. With $M = \\max_o s_o$, $a$ the lowest index with $s_a = M$, $T = \\sum_{o \\ne a} e^{s_o - M}$ and $L = \\ln(1 + T)$:',
    '$h_o = e^{s_o - M} / (1 + T)$ and $E_i = \\sum_o y_o (L - (s_o - M))$, with $\\partial E_i / \\partial s_o = h_o - y_o$.',
  ].join('\n');
}

export function trainingMarkdown(used: OptionsInUse): string {
  const t = used.training;
  const batches =
    t.mode === 'sequential'
      ? 'Sequential: one update after each training example (b = 1)'
      : t.mode === 'minibatch'
        ? `Mini-batches: one update after each b = ${t.batchSize} training examples (the last batch of an epoch may be smaller)`
        : 'Batch: one update per epoch over all N training examples (b = N)';
  const order = used.shuffled ? ', in a seeded random order each epoch (the engine\'s shuffle, above).' : ', in file order.';
  return [
    `Training, as the studio does it. ${batches}${order}`,
    'Per batch B, every gradient at the weights before its update: $G_e = \\sum_{i \\in B} \\partial E_i / \\partial w_e$ (summed, not averaged).',
    ...(t.regularization.kind === 'L1' ? ['L1: $g_e = G_e + \\lambda\\, \\mathrm{sign}(w_e)$ ($\\mathrm{sign}(0) = 0$) on every trainable edge not from a bias node.'] : []),
    ...(t.regularization.kind === 'L2' ? ['L2: $g_e = G_e + 2 \\lambda\\, w_e$ on every trainable edge not from a bias node.'] : []),
    used.momentum
      ? "Momentum (heavy ball): $v_e \\leftarrow \\beta v_e + g_e$, $w_e \\leftarrow w_e - \\eta\\, v_e$, $v$ starting from the file's velocities (written out by hand: `torch.optim.SGD` starts its buffer at the first gradient)."
      : 'Update: $w_e \\leftarrow w_e - \\eta\\, g_e$.',
    ...(used.ablation ? ['A frozen edge keeps its $w$' + (used.momentum ? ' and $v$.' : '.')] : []),
    'An update that would put a weight past $|w| \\le 10^6$ (or make it non-finite) is not made: training stops there, naming the edge.',
    ...(used.testSplit ? ['Test examples are never trained on; their $E$ is printed after each epoch.'] : []),
    'Each epoch prints $E$ as measured during it; at the end, $E$ and ' + (used.testSplit ? 'accuracy (or the mean squared error) of the training and the test examples.' : 'accuracy (or the mean squared error) of the training examples.'),
  ].join('\n');
}
