// The graph as a standalone PyTorch program: the DAG as a torch.nn.Module (one tensor operation per
// neuron, the tutorial's names in comments), the file's weights loaded exactly, the data set
// embedded, and the file's training loop in torch.float64: E = Σ_i Σ_o (h_o − y_o)² (no ½),
// sequential (file order or the engine's seeded shuffle) or batch (summed gradient), plain SGD.

import type { GraphDoc } from '../format/types';
import { exportPlan, type ExportedActivation, type ExportPlan, type PlanNeuron } from './plan';
import { commentText, indent, nodeName, pyFloat, pyFloats, pyInt, pyStr, weightName } from './python';
import { PYTHON_RANDOM } from './pythonRandom';
import { scriptOf, type Section } from './sections';
import { dataSection, settingsCode, trainingMarkdown, weightsJsonCode, withArgparse } from './pythonShared';

const TORCH_ACTIVATION = { sigmoid: 'torch.sigmoid', tanh: 'torch.tanh', relu: 'torch.relu', linear: '' } as const;

/** one line per neuron: s_k = Σ_j z_j w_{j→k} as a dot product of its sources with its weight vector */
function neuronLine(neuron: PlanNeuron, p: number): string[] {
  const s = neuron.incoming.length === 0 ? 'torch.zeros(x.shape[0])' : `torch.stack([${neuron.incoming.map((e) => `z[${pyStr(e.source)}]`).join(', ')}], dim=1) @ self.w[${p}]`;
  const f = TORCH_ACTIVATION[neuron.activation as ExportedActivation]; // exportPlan without v2 refuses the others
  const role = neuron.output === undefined ? '' : ` (output h_${neuron.output})`;
  return [
    `# neuron ${nodeName(neuron.id)}${role}: s_${nodeName(neuron.id)} = Σ_j z_j w_{j→${nodeName(neuron.id)}}, z = ${neuron.activation}(s)`,
    `z[${pyStr(neuron.id)}] = ${f === '' ? s : `${f}(${s})`}`,
  ];
}

function moduleCode(plan: ExportPlan): string {
  const withWeights = plan.neurons.filter((n) => n.incoming.length > 0);
  const slot = new Map(withWeights.map((n, p) => [n.id, p]));
  const params = withWeights.map((n) => `nn.Parameter(torch.tensor(${pyFloats(n.incoming.map((e) => e.weight))})),  # into ${commentText(nodeName(n.id))}: ${n.incoming.map((e) => weightName(e.source, e.target)).join(', ')}`);
  const position = new Map(plan.neurons.flatMap((n) => n.incoming.map((e, q) => [e.index, q] as const)));
  const edgeSlots = plan.edges.map((e) => `(${slot.get(e.target)}, ${position.get(e.index)})`);
  const lines = [
    'class Graph(nn.Module):',
    `    """${commentText(plan.name.replace(/\\/g, '\\\\')).replace(/"/g, "'")}: every neuron k computes s_k = Σ_j z_j w_{j→k} and z_k = σ(s_k), in topological order"""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    "        # each neuron's incoming weights w_{j→k}, as the file holds them",
    '        self.w = nn.ParameterList([',
    ...indent(params, '            '),
    '        ])',
    '',
    '    def forward(self, x):',
    '        """x: (n, features) inputs; returns h: (n, outputs), the output neurons\' z in output order"""',
    '        z = {}',
    ...indent(plan.biases.flatMap((b) => [`z[${pyStr(b.id)}] = torch.ones(x.shape[0])  # bias ${nodeName(b.id)}: z = 1`]), '        '),
    ...indent(plan.inputs.map((i) => `z[${pyStr(i.id)}] = x[:, ${i.feature}]  # input ${nodeName(i.id)}: z = x[${i.feature}]`), '        '),
    ...indent(plan.neurons.flatMap((n) => neuronLine(n, slot.get(n.id) ?? -1)), '        '),
    `        return torch.stack([${plan.outputs.map((id) => `z[${pyStr(id)}]`).join(', ')}], dim=1)`,
    '',
    '    def weights_by_edge(self):',
    '        """{edge id: w} in the file\'s edge order"""',
    '        return {edge: self.w[p][q].item() for edge, (p, q) in zip(EDGE_IDS, EDGE_SLOTS)}',
    '',
    '',
    '# where each edge\'s weight lives: (neuron parameter, position)',
    `EDGE_IDS = [${plan.edges.map((e) => pyStr(e.id)).join(', ')}]`,
    `EDGE_SLOTS = [${edgeSlots.join(', ')}]`,
    'model = Graph()',
  ];
  return lines.join('\n');
}

const TRAIN_CODE = `def squared_error(h, y):
    """E = Σ_i Σ_o (h_o − y_o)², no ½"""
    return ((h - y) ** 2).sum()


def train_epoch(model, optimizer, epoch):
    """one epoch; returns E as measured during it (each E_i before its own update when sequential)"""
    if MODE == "batch":
        optimizer.zero_grad()
        error = squared_error(model(X), Y)  # all gradients at the old w, summed
        error.backward()
        optimizer.step()  # w ← w − η Σ_i ∂E_i/∂w
        return error.item()
    order = epoch_order(SEED, epoch, len(X)) if SHUFFLE else range(len(X))
    total = 0.0
    for i in order:
        optimizer.zero_grad()
        error = squared_error(model(X[i : i + 1]), Y[i : i + 1])
        error.backward()
        optimizer.step()  # w ← w − η ∂E_i/∂w
        total += error.item()
    return total


optimizer = torch.optim.SGD(model.parameters(), lr=ETA)
for epoch in range(START_EPOCH, START_EPOCH + EPOCHS):
    print(f"epoch {epoch + 1}: E = {train_epoch(model, optimizer, epoch)!r}")`;

export function pytorchSections(doc: GraphDoc): Section[] {
  const plan = exportPlan(doc);
  return [
    {
      markdown: `**${commentText(plan.name)}**, exported from Backprop Studio to PyTorch, in float64 throughout.`,
      code: 'import json\nimport math\n\nimport torch\nfrom torch import nn\n\ntorch.set_default_dtype(torch.float64)',
    },
    { markdown: 'How long to train and where the trained weights go.', code: 'EPOCHS = 100\nOUT = "trained-weights.json"', parameters: true },
    {
      markdown: "The file's training settings: learning rate η, mode, shuffle, seed, and the epochs already done.",
      code: settingsCode(plan, pyFloat, pyInt),
    },
    { markdown: 'The data set, embedded: one row of `X` per example, its targets in `Y` (one column per output).', code: dataSection(plan, 'torch.tensor') },
    {
      markdown: 'The graph as a module. Forward pass, in topological order: $s_k = \\sum_j z_j\\, w_{j\\to k}$, $z_k = \\sigma(s_k)$; the bias is the weight from the constant node $z = 1$.',
      code: moduleCode(plan),
    },
    { markdown: "The engine's seeded generator (sfc32 through splitmix32), so a shuffled epoch visits the examples in the same order as in the studio.", code: PYTHON_RANDOM },
    { markdown: trainingMarkdown, code: TRAIN_CODE },
    { markdown: 'The trained weights as JSON, by edge id.', code: weightsJsonCode('model.weights_by_edge()') },
  ];
}

const SCRIPT_HEADER = `#!/usr/bin/env python3
"""Exported from Backprop Studio. Run: python3 THIS.py [--epochs N] [--out trained-weights.json]"""`;

/** a standalone script: `python3 graph.py --epochs N --out weights.json` */
export function exportPytorch(doc: GraphDoc): string {
  return scriptOf(SCRIPT_HEADER, withArgparse(pytorchSections(doc)), '');
}
