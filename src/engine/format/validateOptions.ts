// The rules of format version 2's options (docs/graph-format.md, "Graph rules"): derived inputs,
// softmax and the loss, targets and classes, ablation. Each broken rule is a typed issue with a path.

import { problemOf, type GraphDoc, type NeuronNode } from './types';
import { issue, type GraphIssue } from './errors';

/** every broken option rule, in document order */
export function optionIssues(doc: GraphDoc): GraphIssue[] {
  return [...derivedInputIssues(doc), ...ablationIssues(doc), ...softmaxIssues(doc), ...lossIssues(doc), ...classIssues(doc)];
}

const lossOf = (doc: GraphDoc) => doc.training.loss ?? 'squared';

/** output neurons with their position in doc.nodes, in output-index order */
function outputsOf(doc: GraphDoc): { node: NeuronNode; at: number }[] {
  const outputs: { node: NeuronNode; at: number }[] = [];
  doc.nodes.forEach((node, at) => {
    if (node.type === 'neuron' && node.output !== undefined) outputs.push({ node, at });
  });
  return outputs.sort((a, b) => (a.node.output ?? 0) - (b.node.output ?? 0));
}

function derivedInputIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.type === 'input' && node.transform !== undefined && node.times !== undefined)
      issues.push(
        issue('derived-input', ['nodes', i], `input '${node.id}' has both "transform" and "times"; an input computes one of x_i, x_i², sin x_i or x_i·x_j`),
      );
  });
  return issues;
}

function ablationIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.off === true && node.type === 'neuron' && node.output !== undefined)
      issues.push(issue('ablation', ['nodes', i, 'off'], `output neuron '${node.id}' cannot be switched off; switch off the edges into it instead`));
  });
  return issues;
}

function softmaxIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const softmaxOutputs = new Set<string>();
  doc.nodes.forEach((node, i) => {
    if (node.type !== 'neuron' || node.activation !== 'softmax') return;
    if (node.output === undefined) {
      issues.push(issue('softmax', ['nodes', i, 'activation'], `neuron '${node.id}' is not an output; softmax is allowed only on output neurons`));
      return;
    }
    softmaxOutputs.add(node.id);
    if (lossOf(doc) !== 'crossEntropy')
      issues.push(issue('softmax', ['nodes', i, 'activation'], `output '${node.id}' is softmax, which needs the "crossEntropy" loss (training.loss is "${lossOf(doc)}")`));
  });
  doc.edges.forEach((e, i) => {
    if (softmaxOutputs.has(e.source))
      issues.push(issue('softmax', ['edges', i], `edge '${e.id}' leaves softmax output '${e.source}'; a softmax output feeds no other neuron`));
  });
  return issues;
}

function lossIssues(doc: GraphDoc): GraphIssue[] {
  if (lossOf(doc) !== 'crossEntropy') return [];
  if (problemOf(doc.dataset) === 'regression')
    return [issue('loss', ['training', 'loss'], 'cross-entropy is a classification loss; a regression trains with "squared"')];
  const outputs = outputsOf(doc);
  if (outputs.length === 0) return [];
  const issues: GraphIssue[] = [];
  const wanted = outputs.length === 1 ? 'sigmoid' : 'softmax';
  for (const { node, at } of outputs) {
    if (node.activation !== wanted)
      issues.push(
        issue(
          'loss',
          ['nodes', at, 'activation'],
          outputs.length === 1
            ? `with the crossEntropy loss a single output is sigmoid, but '${node.id}' is ${node.activation}`
            : `with the crossEntropy loss and ${outputs.length} outputs every output is softmax, but '${node.id}' is ${node.activation}`,
        ),
      );
  }
  return issues.length > 0 ? issues : crossEntropyTargetIssues(doc, outputs.length);
}

/** tolerance of Σ_o y_o = 1 for softmax targets */
export const TARGET_SUM_TOLERANCE = 1e-9;

/** binary: 0 ≤ y ≤ 1; softmax: y_o ≥ 0 and Σ_o y_o = 1 */
function crossEntropyTargetIssues(doc: GraphDoc, m: number): GraphIssue[] {
  const issues: GraphIssue[] = [];
  doc.dataset.examples.forEach((ex, i) => {
    const path = ['dataset', 'examples', i, 'y'];
    const y = ex.y.slice(0, m);
    if (y.some((v) => v < 0 || v > 1)) issues.push(issue('targets', path, `example ${i}: cross-entropy targets lie between 0 and 1, got [${y.join(', ')}]`));
    else if (m > 1 && Math.abs(y.reduce((a, b) => a + b, 0) - 1) > TARGET_SUM_TOLERANCE)
      issues.push(issue('targets', path, `example ${i}: softmax targets add up to 1 (one-hot for a class), got [${y.join(', ')}]`));
  });
  return issues;
}

function classIssues(doc: GraphDoc): GraphIssue[] {
  const { classes } = doc.dataset;
  if (classes === undefined) return [];
  if (problemOf(doc.dataset) === 'regression')
    return [issue('classes', ['dataset', 'classes'], 'a regression has no classes; remove "classes" or make the problem "classification"')];
  const issues: GraphIssue[] = [];
  const seen = new Set<string>();
  classes.forEach((label, c) => {
    if (seen.has(label)) issues.push(issue('classes', ['dataset', 'classes', c], `the class label ${JSON.stringify(label)} is used twice`));
    seen.add(label);
  });
  const m = outputsOf(doc).length;
  const k = classes.length;
  if (m === 0) return issues;
  if (!(m === k || (k === 2 && m === 1))) {
    issues.push(issue('classes', ['dataset', 'classes'], `${k} classes need ${k} outputs (one-hot)${k === 2 ? ' or one output' : ''}, but the graph has ${m}`));
    return issues;
  }
  if (m === k) {
    doc.dataset.examples.forEach((ex, i) => {
      const y = ex.y.slice(0, k);
      const ones = y.filter((v) => v === 1).length;
      const zeros = y.filter((v) => v === 0).length;
      if (ones !== 1 || zeros !== k - 1)
        issues.push(issue('targets', ['dataset', 'examples', i, 'y'], `example ${i}: a class is one-hot over ${k} outputs (one 1, the rest 0), got [${y.join(', ')}]`));
    });
  }
  return issues;
}
