import type { GraphDoc } from '../../../engine/format/types';
import { targetValues } from './targets';

// A second output neuron needs a second target in every example. Until the examples have one,
// the engine refuses the graph ("the examples have only 1 value(s) in y"); this says plainly what
// is missing and builds the two fixes the canvas offers: give every example the targets it lacks,
// or keep a single output. Targets stay one number per output.

export interface MissingTargets {
  /** outputs the graph has (highest output index + 1) */
  outputs: number;
  /** values every example has in y (the fewest) */
  targets: number;
}

/** what is missing, or null when every output has a target in every example (or there are no examples) */
export function missingTargets(doc: Pick<GraphDoc, 'nodes' | 'dataset'>): MissingTargets | null {
  const { examples } = doc.dataset;
  if (examples.length === 0) return null;
  let outputs = 0;
  for (const n of doc.nodes) if (n.type === 'neuron' && n.output !== undefined) outputs = Math.max(outputs, n.output + 1);
  const targets = Math.min(...examples.map((e) => e.y.length));
  return outputs > targets ? { outputs, targets } : null;
}

/** "output 2 has no target: the examples have 1 value in y" */
export function describeMissing(m: MissingTargets): string {
  const missing = Array.from({ length: m.outputs - m.targets }, (_, i) => m.targets + i + 1);
  const names = missing.length === 1 ? `Output ${missing[0]} has` : `Outputs ${missing.join(', ')} have`;
  return `${names} no target yet: the examples have ${m.targets} value${m.targets === 1 ? '' : 's'} in y, one per output is needed.`;
}

/**
 * every example gets a target for each output it lacks: with one target and two outputs, the
 * other class (low ↔ high, so the two outputs read one-hot); otherwise the low value
 */
export function addMissingTargets(doc: GraphDoc, m: MissingTargets): GraphDoc {
  const { low, high } = targetValues(doc);
  const mid = (low + high) / 2;
  const oneHot = m.targets === 1 && m.outputs === 2;
  const examples = doc.dataset.examples.map((e) => {
    const y = e.y.slice(0, m.targets);
    while (y.length < m.outputs) y.push(oneHot ? ((y[0] ?? low) > mid ? low : high) : low);
    return { ...e, y };
  });
  const named = doc.dataset.targets;
  const targets = named ? [...named.slice(0, m.targets), ...Array.from({ length: m.outputs - m.targets }, (_, i) => `y${m.targets + i}`)] : undefined;
  return { ...doc, dataset: { ...doc.dataset, examples, ...(targets ? { targets } : {}) } };
}

/** the button for addMissingTargets */
export function addTargetsLabel(m: MissingTargets): string {
  if (m.targets === 1 && m.outputs === 2) return 'Add a target for output 2 (the other class, one-hot)';
  return `Add ${m.outputs - m.targets === 1 ? 'a target' : 'targets'} for output${m.outputs - m.targets === 1 ? '' : 's'} ${m.targets + 1}…${m.outputs} (low class)`;
}

/** only neuron `keep` stays an output (index 0); the others become hidden neurons */
export function onlyOutput(doc: GraphDoc, keep: string): GraphDoc {
  const nodes = doc.nodes.map((n) => {
    if (n.type !== 'neuron' || n.output === undefined) return n;
    if (n.id === keep) return { ...n, output: 0 };
    const { output: _, ...hidden } = n;
    return hidden;
  });
  return { ...doc, nodes };
}

// ---- k classes need k outputs

export interface ClassOutputs {
  /** k, the classes the data set has */
  classes: number;
  /** m, the graph's outputs */
  outputs: number;
}

/** a k-class set (k ≥ 3, one-hot targets) on a graph with m ≠ k outputs, or null */
export function classOutputsMismatch(doc: Pick<GraphDoc, 'nodes' | 'dataset'>): ClassOutputs | null {
  const classes = doc.dataset.classes?.length ?? 0;
  if (doc.dataset.problem === 'regression' || classes < 3) return null;
  let outputs = 0;
  for (const n of doc.nodes) if (n.type === 'neuron' && n.output !== undefined) outputs = Math.max(outputs, n.output + 1);
  return outputs === classes || outputs === 0 ? null : { classes, outputs };
}

/** "3 classes need 3 output neurons (one-hot, softmax or not); the graph has 1: add outputs 2 and 3" */
export function describeClassOutputs(m: ClassOutputs): string {
  const need = `${m.classes} classes need ${m.classes} output neurons, one per class (softmax or not); the graph has ${m.outputs}`;
  return m.outputs < m.classes ? `${need}.` : `${need}: outputs ${m.classes + 1}…${m.outputs} have no class.`;
}

export function classOutputsLabel(m: ClassOutputs): string {
  if (m.outputs > m.classes) return `Keep outputs 1…${m.classes}`;
  const first = m.outputs + 1;
  return first === m.classes ? `Add output ${first}` : `Add outputs ${first}…${m.classes}`;
}

const OUTPUT_GAP = 160;

function freshId(taken: Set<string>, base: string): string {
  let i = 1;
  while (taken.has(`${base}${i}`)) i++;
  const id = `${base}${i}`;
  taken.add(id);
  return id;
}

/**
 * m < k: outputs m…k−1 as copies of output 1 (its activation, an edge from each of its sources
 * with weight 0: the new outputs start at the same h and training tells them apart by their
 * one-hot targets), placed below it; m > k: outputs k…m−1 become hidden neurons
 */
export function fitClassOutputs(doc: GraphDoc, m: ClassOutputs): GraphDoc {
  if (m.outputs > m.classes) {
    const nodes = doc.nodes.map((n) => {
      if (n.type !== 'neuron' || n.output === undefined || n.output < m.classes) return n;
      const { output: _, ...hidden } = n;
      return hidden;
    });
    return { ...doc, nodes };
  }
  const first = doc.nodes.find((n) => n.type === 'neuron' && n.output === 0);
  if (!first || first.type !== 'neuron') return doc;
  const taken = new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
  const sources = doc.edges.filter((e) => e.target === first.id).map((e) => e.source);
  const nodes = [...doc.nodes];
  const edges = [...doc.edges];
  const labels = doc.dataset.classes ?? [];
  for (let o = m.outputs; o < m.classes; o++) {
    const id = freshId(taken, 'out');
    const position = first.position ? { x: first.position.x, y: first.position.y + OUTPUT_GAP * (o - m.outputs + 1) } : undefined;
    nodes.push({ id, type: 'neuron', activation: first.activation, output: o, label: labels[o] ?? `out ${o + 1}`, ...(position ? { position } : {}) });
    for (const source of sources) edges.push({ id: freshId(taken, 'e'), source, target: id, weight: 0 });
  }
  return { ...doc, nodes, edges };
}
