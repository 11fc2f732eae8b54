import type { GraphDoc, GraphNode } from '../../../engine/format/types';

// Fresh ids for new nodes and edges, in the tutorial's style: neurons are numbered "1", "2", …,
// inputs are "in_<feature name>", the bias is "in_1"; an edge is "<source>-><target>".

function firstFree(taken: ReadonlySet<string>, candidates: Iterable<string>): string {
  for (const id of candidates) if (!taken.has(id)) return id;
  throw new Error('unreachable: candidate ids are unbounded');
}

function* numbered(prefix: string, start: number): Generator<string> {
  for (let i = start; ; i++) yield `${prefix}${i}`;
}

function* inputIds(base: string): Generator<string> {
  yield base;
  yield* numbered(`${base}_`, 2);
}

export function newNodeId(doc: GraphDoc, node: Pick<GraphNode, 'type'> & { feature?: number }, taken?: Set<string>): string {
  const used = taken ?? new Set(doc.nodes.map((n) => n.id));
  if (node.type === 'neuron') return firstFree(used, numbered('', 1));
  if (node.type === 'bias') return firstFree(used, ['in_1', ...take(numbered('bias_', 2), 1000)]);
  const feature = node.feature ?? 0;
  const name = doc.dataset.features?.[feature] ?? `x${feature}`;
  const safe = /^[A-Za-z0-9_]+$/.test(name) ? name : `x${feature}`;
  return firstFree(used, inputIds(`in_${safe}`));
}

function take(gen: Generator<string>, n: number): string[] {
  const out: string[] = [];
  for (const id of gen) {
    out.push(id);
    if (out.length >= n) break;
  }
  return out;
}

export function newEdgeId(taken: ReadonlySet<string>, source: string, target: string): string {
  const base = `${source}->${target}`;
  return firstFree(taken, inputIds(base));
}
