// The graph rules of docs/graph-format.md, checked on an in-memory document.

import type { GraphDoc, GraphNode } from './types';
import { optionIssues } from './validateOptions';
import { issue, type GraphIssue } from './errors';
import { duplicateEdgeReason, edgeEndsProblem } from '../connection';
import { formatCycle, topoSort } from '../topo';
import { findNonFinite } from './finite';

/** every broken rule, in document order; [] when the document is valid */
export function validateGraph(doc: GraphDoc): GraphIssue[] {
  return [
    ...nonFiniteIssues(doc),
    ...duplicateIdIssues(doc),
    ...edgeIssues(doc),
    ...cycleIssues(doc),
    ...outputIndexIssues(doc),
    ...datasetIssues(doc),
    ...optionIssues(doc),
  ];
}

function nonFiniteIssues(doc: GraphDoc): GraphIssue[] {
  const at = findNonFinite(doc);
  return at ? [issue('non-finite', at.path, `${String(at.value)} is not a finite number`)] : [];
}

function duplicateIdIssues(doc: GraphDoc): GraphIssue[] {
  return [...duplicateIds(doc.nodes, 'node'), ...duplicateIds(doc.edges, 'edge')];
}

function duplicateIds(list: readonly { id: string }[], what: 'node' | 'edge'): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const firstAt = new Map<string, number>();
  list.forEach((item, i) => {
    const earlier = firstAt.get(item.id);
    if (earlier === undefined) firstAt.set(item.id, i);
    else issues.push(issue('duplicate-id', [`${what}s`, i, 'id'], `${what} id '${item.id}' is used twice (${what}s ${earlier} and ${i})`));
  });
  return issues;
}

function edgeIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const nodeById = new Map<string, GraphNode>();
  for (const node of doc.nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);
  const pairs = new Map<string, string>();
  doc.edges.forEach((e, i) => {
    if (!nodeById.has(e.source)) {
      issues.push(issue('dangling-edge', ['edges', i, 'source'], `edge '${e.id}' starts at node '${e.source}', which does not exist`));
      return;
    }
    if (!nodeById.has(e.target)) {
      issues.push(issue('dangling-edge', ['edges', i, 'target'], `edge '${e.id}' points to node '${e.target}', which does not exist`));
      return;
    }
    const broken = edgeEndsProblem(nodeById, e.source, e.target);
    if (broken) {
      issues.push(issue(broken.code, ['edges', i], `edge '${e.id}' (${e.source} → ${e.target}): ${broken.reason}`));
      return;
    }
    const pair = JSON.stringify([e.source, e.target]);
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      issues.push(
        issue('duplicate-edge', ['edges', i], `edge '${e.id}' repeats edge '${earlier}': ${duplicateEdgeReason(e.source, e.target)}`),
      );
    } else pairs.set(pair, e.id);
  });
  return issues;
}

function cycleIssues(doc: GraphDoc): GraphIssue[] {
  const ids = doc.nodes.map((n) => n.id);
  const sorted = topoSort(ids, doc.edges);
  if (sorted.ok) return [];
  const cycle = sorted.cycle;
  const from = cycle[0];
  const to = cycle[1 % cycle.length];
  const edgeIndex = doc.edges.findIndex((e) => e.source === from && e.target === to);
  return [issue('cycle', edgeIndex >= 0 ? ['edges', edgeIndex] : ['edges'], `cycle: ${formatCycle(cycle)}`)];
}

function outputIndexIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const byIndex = new Map<number, string>();
  doc.nodes.forEach((node, i) => {
    if (node.type !== 'neuron' || node.output === undefined) return;
    const other = byIndex.get(node.output);
    if (other !== undefined) {
      issues.push(
        issue('output-index', ['nodes', i, 'output'], `output index ${node.output} is used by both '${other}' and '${node.id}'`),
      );
    } else byIndex.set(node.output, node.id);
  });
  for (let k = 0; k < byIndex.size; k++) {
    if (!byIndex.has(k)) {
      issues.push(
        issue('output-index', ['nodes'], `output indices must run 0..${byIndex.size - 1} without gaps, but no neuron has output ${k}`),
      );
      break;
    }
  }
  return issues;
}

function datasetIssues(doc: GraphDoc): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const { examples, features, targets } = doc.dataset;
  if (examples.length === 0) return issues;
  const xLength = examples[0].x.length;
  const yLength = examples[0].y.length;
  examples.forEach((ex, i) => {
    if (ex.x.length !== xLength)
      issues.push(issue('dataset-shape', ['dataset', 'examples', i, 'x'], `example ${i} has ${ex.x.length} values in x, example 0 has ${xLength}`));
    if (ex.y.length !== yLength)
      issues.push(issue('dataset-shape', ['dataset', 'examples', i, 'y'], `example ${i} has ${ex.y.length} values in y, example 0 has ${yLength}`));
  });
  if (features && features.length !== xLength)
    issues.push(issue('dataset-shape', ['dataset', 'features'], `${features.length} feature names for ${xLength} values in each x`));
  if (targets && targets.length !== yLength)
    issues.push(issue('dataset-shape', ['dataset', 'targets'], `${targets.length} target names for ${yLength} values in each y`));
  // one value per output: outputs 0..m-1 need exactly m (a gap in the indices is reported apart)
  const outputs = outputCount(doc);
  const longest = outputs > 0 ? examples.findIndex((ex) => ex.y.length > outputs) : -1;
  if (longest >= 0) {
    const count = examples[longest].y.length;
    issues.push(
      issue('dataset-shape', ['dataset', 'examples', longest, 'y'], `example ${longest} has ${count} values in y, but the graph has ${outputs} output${outputs === 1 ? '' : 's'}: y holds one value per output`),
    );
  }
  const xMin = minLength(examples, 'x');
  const yMin = minLength(examples, 'y');
  doc.nodes.forEach((node, i) => {
    if (node.type === 'input' && node.feature >= xMin)
      issues.push(
        issue('feature-index', ['nodes', i, 'feature'], `input '${node.id}' reads feature ${node.feature}, but the examples have only ${xMin} value(s) in x`),
      );
    if (node.type === 'input' && node.times !== undefined && node.times >= xMin)
      issues.push(
        issue('feature-index', ['nodes', i, 'times'], `input '${node.id}' multiplies by feature ${node.times}, but the examples have only ${xMin} value(s) in x`),
      );
    if (node.type === 'neuron' && node.output !== undefined && node.output >= yMin)
      issues.push(
        issue('output-index', ['nodes', i, 'output'], `output '${node.id}' has index ${node.output}, but the examples have only ${yMin} value(s) in y`),
      );
  });
  return issues;
}

/** 1 + the largest output index: the number of outputs when the indices run 0..m-1; 0 without outputs */
function outputCount(doc: GraphDoc): number {
  let count = 0;
  for (const n of doc.nodes) if (n.type === 'neuron' && n.output !== undefined) count = Math.max(count, n.output + 1);
  return count;
}

/** shortest x or y over all examples (a loop, not Math.min(...), for a million examples) */
function minLength(examples: GraphDoc['dataset']['examples'], key: 'x' | 'y'): number {
  let min = Infinity;
  for (const ex of examples) if (ex[key].length < min) min = ex[key].length;
  return min;
}
