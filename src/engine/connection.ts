// The one rule for "may an edge go from source to target?", shared by the canvas and the loader.

import type { GraphDoc, GraphNode } from './format/types';
import { findPath, formatCycle, nodesReaching } from './topo';

export type ConnectionIssueCode = 'dangling-edge' | 'self-loop' | 'edge-into-source';

export interface ConnectionRuleBreak {
  code: ConnectionIssueCode;
  reason: string;
}

/** the rules that look at one edge alone: both ends exist, no self-loop, the target is a neuron */
export function edgeEndsProblem(
  nodeById: ReadonlyMap<string, GraphNode>,
  source: string,
  target: string,
): ConnectionRuleBreak | null {
  if (!nodeById.has(source)) return { code: 'dangling-edge', reason: `node '${source}' does not exist` };
  const to = nodeById.get(target);
  if (to === undefined) return { code: 'dangling-edge', reason: `node '${target}' does not exist` };
  if (source === target) return { code: 'self-loop', reason: 'a node cannot connect to itself' };
  if (to.type === 'input') return { code: 'edge-into-source', reason: 'an input takes no incoming edges' };
  if (to.type === 'bias') return { code: 'edge-into-source', reason: 'a bias node takes no incoming edges' };
  return null;
}

export function duplicateEdgeReason(source: string, target: string): string {
  return `'${source}' is already connected to '${target}'`;
}

/**
 * null when a new edge source → target is allowed; otherwise a short reason: missing node,
 * self-loop, target is an input/bias, source is a softmax output, duplicate edge, or
 * "would close a cycle: a → b → a".
 */
export function connectionProblem(
  doc: Pick<GraphDoc, 'nodes' | 'edges'>,
  source: string,
  target: string,
): string | null {
  const nodeById = new Map<string, GraphNode>();
  for (const node of doc.nodes) nodeById.set(node.id, node);
  const ends = edgeEndsProblem(nodeById, source, target);
  if (ends) return ends.reason;
  const from = nodeById.get(source);
  if (from?.type === 'neuron' && from.activation === 'softmax') return 'a softmax output feeds no other neuron';
  if (doc.edges.some((e) => e.source === source && e.target === target)) return duplicateEdgeReason(source, target);
  const back = findPath(doc.edges, target, source); // target → … → source
  if (back) return `would close a cycle: ${formatCycle([source, ...back.slice(0, -1)])}`;
  return null;
}

/**
 * the ids of every node an edge from `source` may go to (exactly those `connectionProblem` allows),
 * in document order: a target is allowed when it is a neuron other than `source`, not yet
 * connected from it, and does not reach it (no cycle). One search, O(V + E), where asking
 * `connectionProblem` for each node is O(V · (V + E)) — seconds on a 2,000-node graph.
 */
export function allowedTargets(doc: Pick<GraphDoc, 'nodes' | 'edges'>, source: string): string[] {
  if (!doc.nodes.some((n) => n.id === source)) return [];
  const reaching = nodesReaching(doc.edges, source);
  const connected = new Set(doc.edges.filter((e) => e.source === source).map((e) => e.target));
  return doc.nodes.filter((n) => n.type === 'neuron' && !reaching.has(n.id) && !connected.has(n.id)).map((n) => n.id);
}
