// The graph as a standalone PyTorch program: the DAG as a torch.nn.Module (one tensor operation per
// neuron, the tutorial's names in comments), the file's weights (and velocities) loaded exactly,
// the data set embedded, and the file's training loop in torch.float64, every option of format
// version 2 exactly as docs/graph-format.md computes it; code and formulas for the options in use only.

import type { GraphDoc } from '../format/types';
import { exportPlan, type ExportPlan } from './plan';
import { commentText, pyFloat, pyInt } from './python';
import { PYTHON_RANDOM } from './pythonRandom';
import { scriptOf, type Section } from './sections';
import { dataSection, withArgparse } from './pythonShared';
import { optionsInUse, type OptionsInUse } from './inUse';
import { activationCode } from './torchActivations';
import { moduleCode } from './torchModule';
import { lossCode, trainingCode } from './torchTraining';
import { forwardMarkdown, lossMarkdown, trainingMarkdown } from './torchMarkdown';

function settingsCode(used: OptionsInUse): string {
  const t = used.training;
  return [
    `ETA = ${pyFloat(t.learningRate)}  # η`,
    ...(t.mode === 'minibatch' ? [`BATCH_SIZE = ${pyInt(t.batchSize)}  # b, examples per update`] : []),
    ...(used.shuffled ? [`SEED = ${pyInt(t.seed)}  # of the shuffle`] : []),
    `START_EPOCH = ${pyInt(t.epoch)}  # epochs already done${used.shuffled ? ' (it picks each epoch\'s shuffle order)' : ''}`,
    ...(used.regularized ? [`REG_RATE = ${pyFloat(t.regularization.rate)}  # λ of ${t.regularization.kind}`] : []),
    ...(used.momentum ? [`MOMENTUM = ${pyFloat(t.momentum)}  # β`] : []),
    'WEIGHT_LIMIT = 1e6  # |w| beyond it (or non-finite): training has diverged',
  ].join('\n');
}

function settingsMarkdown(used: OptionsInUse): string {
  const t = used.training;
  const what = ['learning rate η', t.mode === 'minibatch' ? 'batch size b' : '', used.shuffled ? 'the shuffle\'s seed' : '', used.regularized ? `${t.regularization.kind}'s rate λ` : '', used.momentum ? 'momentum β' : ''];
  return `The file's training settings: ${what.filter((w) => w !== '').join(', ')}, and the epochs already done.`;
}

function dataCode(plan: ExportPlan, used: OptionsInUse): string {
  if (!used.testSplit) return dataSection(plan, 'torch.tensor');
  const flags = plan.examples.map((ex) => (ex.test === true ? 'True' : 'False')).join(', ');
  return `${dataSection(plan, 'torch.tensor')}\nTEST = torch.tensor([${flags}], dtype=torch.bool)  # test examples: measured, never trained on`;
}

/** {"epoch", "weights", ["velocities",] "train", ["test"]} written to OUT */
function jsonCode(used: OptionsInUse): string {
  return [
    'trained = {"epoch": START_EPOCH + EPOCHS, "weights": model.weights_by_edge()}',
    ...(used.momentum ? ['trained["velocities"] = {edge: VELOCITY[p][q].item() for edge, (p, q) in zip(EDGE_IDS, EDGE_SLOTS)}'] : []),
    'trained.update(TRAINED)  # E, accuracy and the mean squared error at the trained weights',
    'with open(OUT, "w") as f:',
    '    json.dump(trained, f, indent=1)',
    'print(f"trained weights written to {OUT}")',
  ].join('\n');
}

function customFunctionsSection(used: OptionsInUse): Section[] {
  const code = activationCode(used.activations, used.binaryCrossEntropy);
  if (code === '') return [];
  return [
    {
      markdown: "Activations whose σ′ autograd would take otherwise than the spec: each a `torch.autograd.Function` with the spec's derivative written out (see its comment).",
      code,
    },
  ];
}

export function pytorchSections(doc: GraphDoc): Section[] {
  const plan = exportPlan(doc);
  const used = optionsInUse(plan);
  const imports = `import json\nimport math\n\nimport torch\n${used.activations.has('leakyRelu') || used.activations.has('elu') ? 'import torch.nn.functional as F\n' : ''}from torch import nn\n\ntorch.set_default_dtype(torch.float64)`;
  return [
    { markdown: `**${commentText(plan.name)}**, exported from Backprop Studio to PyTorch, in float64 throughout.`, code: imports },
    { markdown: 'How long to train and where the trained weights go.', code: 'EPOCHS = 100\nOUT = "trained-weights.json"', parameters: true },
    { markdown: settingsMarkdown(used), code: settingsCode(used) },
    {
      markdown: `The data set, embedded: one row of \`X\` per example, its targets in \`Y\` (one column per output)${used.testSplit ? '; `TEST` marks the test examples' : ''}.`,
      code: dataCode(plan, used),
    },
    ...customFunctionsSection(used),
    { markdown: forwardMarkdown(used), code: moduleCode(plan, used) },
    ...(used.shuffled ? [{ markdown: "The engine's seeded generator (sfc32 through splitmix32), so a shuffled epoch visits the examples in the same order as in the studio.", code: PYTHON_RANDOM }] : []),
    { markdown: lossMarkdown(used), code: lossCode(plan, used) },
    { markdown: trainingMarkdown(used), code: trainingCode(plan, used) },
    {
      markdown: `The trained weights${used.momentum ? ' and velocities' : ''} as JSON, by edge id, with the final E and accuracy (or mean squared error)${used.testSplit ? ' of the training and the test examples' : ''}.`,
      code: jsonCode(used),
    },
  ];
}

const SCRIPT_HEADER = `#!/usr/bin/env python3
"""Exported from Backprop Studio. Run: python3 THIS.py [--epochs N] [--out trained-weights.json]"""`;

/** a standalone script: `python3 graph.py --epochs N --out weights.json` */
export function exportPytorch(doc: GraphDoc): string {
  return scriptOf(SCRIPT_HEADER, withArgparse(pytorchSections(doc)), '');
}
