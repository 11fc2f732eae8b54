// Topological order (Kahn's algorithm), cycle finding and reachability — all iterative, no recursion,
// so a 20,000-node chain is as safe as a 3-node one.

export interface EdgeLike {
  source: string;
  target: string;
}

export type TopoResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/** "a → b → a" for the cycle ['a', 'b'] */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.length === 0 ? '' : [...cycle, cycle[0]].join(' → ');
}

/**
 * Kahn: repeatedly take a node with no remaining incoming edge. Edges naming unknown nodes are
 * ignored. On failure `cycle` lists the node ids of one cycle in edge order, without repeating
 * the first (format it with `formatCycle`).
 */
export function topoSort(nodeIds: readonly string[], edges: readonly EdgeLike[]): TopoResult {
  const n = nodeIds.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(nodeIds[i], i);
  const inDegree = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  const src: number[] = [];
  const dst: number[] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined) continue;
    src.push(a);
    dst.push(b);
    outStart[a + 1]++;
    inDegree[b]++;
  }
  for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
  const outDst = new Int32Array(src.length);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < src.length; e++) outDst[fill[src[e]]++] = dst[e];

  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (inDegree[i] === 0) queue[tail++] = i;
  while (head < tail) {
    const k = queue[head++];
    for (let p = outStart[k]; p < outStart[k + 1]; p++) {
      const m = outDst[p];
      if (--inDegree[m] === 0) queue[tail++] = m;
    }
  }
  if (tail === n) return { ok: true, order: Array.from(queue, (i) => nodeIds[i]) };
  return { ok: false, cycle: findCycleAmongRemaining(n, src, dst, inDegree).map((i) => nodeIds[i]) };
}

/**
 * Every node left after Kahn has a remaining predecessor, so walking predecessors must revisit a
 * node: the walk from that node on is a cycle (backwards).
 */
function findCycleAmongRemaining(n: number, src: number[], dst: number[], inDegree: Int32Array): number[] {
  const pred = new Int32Array(n).fill(-1);
  for (let e = 0; e < src.length; e++) {
    if (inDegree[src[e]] > 0 && inDegree[dst[e]] > 0 && pred[dst[e]] === -1) pred[dst[e]] = src[e];
  }
  let start = 0;
  while (inDegree[start] === 0) start++;
  const seenAt = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  let k = start;
  while (seenAt[k] === -1) {
    seenAt[k] = walk.length;
    walk.push(k);
    k = pred[k];
  }
  const backwards = walk.slice(seenAt[k]);
  const cycle = backwards.reverse();
  // start at the node listed first in the document, for stable messages
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i] < cycle[first]) first = i;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}

/** a path of node ids from `from` to `to` following edges (breadth-first, shortest), or null */
export function findPath(edges: readonly EdgeLike[], from: string, to: string): string[] | null {
  if (from === to) return [from];
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const k = queue[head];
    for (const m of out.get(k) ?? []) {
      if (parent.has(m)) continue;
      parent.set(m, k);
      if (m === to) return pathTo(parent, from, to);
      queue.push(m);
    }
  }
  return null;
}

function pathTo(parent: Map<string, string>, from: string, to: string): string[] {
  const path = [to];
  for (let k = to; k !== from; ) {
    k = parent.get(k)!;
    path.push(k);
  }
  return path.reverse();
}

/** every node with a path to `to` (`to` included): one backward breadth-first search, O(V + E) */
export function nodesReaching(edges: readonly EdgeLike[], to: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of edges) {
    const list = into.get(e.target);
    if (list) list.push(e.source);
    else into.set(e.target, [e.source]);
  }
  const seen = new Set([to]);
  const queue = [to];
  for (let head = 0; head < queue.length; head++) {
    for (const m of into.get(queue[head]) ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      queue.push(m);
    }
  }
  return seen;
}

/** adding source → target closes a cycle exactly when target already reaches source (or they are equal) */
export function wouldCreateCycle(edges: readonly EdgeLike[], source: string, target: string): boolean {
  return findPath(edges, target, source) !== null;
}
