// The graph as a torch.nn.Module: one parameter vector per neuron (its incoming weights in file
// order), one line per input and per neuron in topological order, the tutorial's names in the
// comments; off nodes give z = 0 and off edges are masked out of s (their weights stay, frozen).

import type { ExportPlan, PlanEdge, PlanNeuron } from './plan';
import { commentText, indent, nodeName, pyFloats, pyStr, weightName } from './python';
import { TORCH_ACTIVATE } from './torchActivations';
import type { OptionsInUse } from './inUse';

type PlanInput = ExportPlan['inputs'][number];

const key = (id: string): string => pyStr(id);
const bools = (values: readonly boolean[]): string => `torch.tensor([${values.map((b) => (b ? 'True' : 'False')).join(', ')}])`;

function inputLine(i: PlanInput): string {
  const x = `x[:, ${i.feature}]`;
  const name = nodeName(i.id);
  if (i.off) return `z[${key(i.id)}] = torch.zeros(n)  # input ${name}: off, z = 0`;
  if (i.transform === 'square') return `z[${key(i.id)}] = ${x} * ${x}  # input ${name}: z = x[${i.feature}]²`;
  if (i.transform === 'sin') return `z[${key(i.id)}] = torch.sin(${x})  # input ${name}: z = sin x[${i.feature}]`;
  if (i.times !== undefined) return `z[${key(i.id)}] = ${x} * x[:, ${i.times}]  # input ${name}: z = x[${i.feature}] · x[${i.times}]`;
  return `z[${key(i.id)}] = ${x}  # input ${name}: z = x[${i.feature}]`;
}

/** s_k = Σ_j z_j w_{j→k}: the sources stacked, times the weight vector (an off edge's weight masked to 0) */
function sumOf(n: PlanNeuron, p: number): string {
  if (n.incoming.length === 0) return 'torch.zeros(n)';
  const sources = `torch.stack([${n.incoming.map((e) => `z[${key(e.source)}]`).join(', ')}], dim=1)`;
  const w = `self.w[${p}]`;
  if (!n.incoming.some((e) => e.off)) return `${sources} @ ${w}`;
  return `${sources} @ (${w} * torch.tensor(${pyFloats(n.incoming.map((e) => (e.off ? 0 : 1)))}))`;
}

function neuronLines(n: PlanNeuron, p: number): string[] {
  const name = nodeName(n.id);
  const role = n.output === undefined ? '' : ` (output h_${n.output})`;
  if (n.off) return [`# neuron ${name}${role}: off, s = 0, z = 0 (its weights are frozen)`, `s[${key(n.id)}] = torch.zeros(n)`, `z[${key(n.id)}] = torch.zeros(n)`];
  const off = n.incoming.filter((e) => e.off).map((e) => weightName(e.source, e.target));
  const head = `# neuron ${name}${role}: s_${name} = Σ_j z_j w_{j→${name}}${off.length > 0 ? ` (${off.join(', ')} off: masked to 0)` : ''}`;
  const s = `s[${key(n.id)}] = ${sumOf(n, p)}`;
  if (n.activation === 'softmax') return [`${head}; h = softmax of the outputs' s (below)`, s];
  return [`${head}, z = ${n.activation}(s)`, s, `z[${key(n.id)}] = ${TORCH_ACTIVATE[n.activation](`s[${key(n.id)}]`)}`];
}

/** per neuron parameter, where the options need them: which weights train, which L1/L2 penalise, the velocities (lists parallel to model.w) */
function flagsCode(withWeights: PlanNeuron[], options: ModuleOptions): string[] {
  const per = (pick: (e: PlanEdge) => boolean) => withWeights.map((n) => `    ${bools(n.incoming.map(pick))},  # into ${commentText(nodeName(n.id))}`);
  return [
    ...(options.frozen ? ['# per neuron parameter: which weights train (a frozen edge is off, or has an end off; it keeps w and v)', 'TRAINABLE = [', ...per((e) => !e.frozen), ']'] : []),
    ...(options.regularized ? ['# which weights the regulariser penalises: every trainable edge not from a bias node', 'REGULARIZED = [', ...per((e) => e.regularized), ']'] : []),
    ...(options.momentum ? ["# momentum's velocity v per weight, as the file holds it", 'VELOCITY = [', ...withWeights.map((n) => `    torch.tensor(${pyFloats(n.incoming.map((e) => e.velocity))}),`), ']'] : []),
  ];
}

/** which per-weight lists the update needs */
type ModuleOptions = Pick<OptionsInUse, 'frozen' | 'regularized' | 'momentum'>;

export function moduleCode(plan: ExportPlan, options: ModuleOptions): string {
  const withWeights = plan.neurons.filter((n) => n.incoming.length > 0);
  const slot = new Map(withWeights.map((n, p) => [n.id, p]));
  const params = withWeights.map((n) => `nn.Parameter(torch.tensor(${pyFloats(n.incoming.map((e) => e.weight))})),  # into ${commentText(nodeName(n.id))}: ${n.incoming.map((e) => weightName(e.source, e.target)).join(', ')}`);
  const position = new Map(plan.neurons.flatMap((n) => n.incoming.map((e, q) => [e.index, q] as const)));
  const edgeSlots = plan.edges.map((e) => `(${slot.get(e.target)}, ${position.get(e.index)})`);
  const outputS = `torch.stack([${plan.outputs.map((id) => `s[${key(id)}]`).join(', ')}], dim=1)`;
  const h = plan.softmax ? 'softmax(S)  # h_o = e^{s_o − M} / (1 + T)' : `torch.stack([${plan.outputs.map((id) => `z[${key(id)}]`).join(', ')}], dim=1)`;
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
    '        """x: (n, features) inputs; returns S, the output neurons\' s, and h, their outputs: both (n, outputs) in output order"""',
    '        n = x.shape[0]',
    '        s, z = {}, {}',
    ...indent(plan.biases.map((b) => `z[${key(b.id)}] = torch.ones(n)  # bias ${nodeName(b.id)}: z = 1`), '        '),
    ...indent(plan.inputs.map(inputLine), '        '),
    ...indent(plan.neurons.flatMap((n) => neuronLines(n, slot.get(n.id) ?? -1)), '        '),
    `        S = ${outputS}`,
    `        return S, ${h}`,
    '',
    '    def weights_by_edge(self):',
    '        """{edge id: w} in the file\'s edge order"""',
    '        return {edge: self.w[p][q].item() for edge, (p, q) in zip(EDGE_IDS, EDGE_SLOTS)}',
    '',
    '',
    "# where each edge's weight lives: (neuron parameter, position)",
    `EDGE_IDS = [${plan.edges.map((e) => pyStr(e.id)).join(', ')}]`,
    `EDGE_SLOTS = [${edgeSlots.join(', ')}]`,
    ...flagsCode(withWeights, options),
    'model = Graph()',
  ];
  return lines.join('\n');
}
