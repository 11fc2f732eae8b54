// A lesson's locks (format/lesson.ts) as a check on an edit: the document before and after it,
// compared for what each lock keeps fixed. Comparing the documents, not naming the actions, means
// every way of making an edit (a menu, a key, a paste, a template) is checked the same way.

import type { GraphDoc, TrainingSettings } from '../format/types';
import type { Lock } from '../format/lesson';

export const LOCK_REFUSALS: Readonly<Record<Lock, string>> = {
  topology: 'This lesson keeps the topology fixed',
  weights: 'This lesson keeps the weights fixed',
  training: 'This lesson keeps the training settings fixed',
  data: 'This lesson keeps the data fixed',
};

/** the sentence refusing the edit before → after under these locks, or null when it is allowed */
export function lockRefusal(locks: readonly Lock[], before: GraphDoc, after: GraphDoc): string | null {
  for (const lock of locks) if (CHANGED[lock](before, after)) return LOCK_REFUSALS[lock];
  return null;
}

const CHANGED: Readonly<Record<Lock, (a: GraphDoc, b: GraphDoc) => boolean>> = {
  topology: topologyChanged,
  weights: (a, b) => a.edges !== b.edges && weightChanged(a, b),
  training: (a, b) => a.training !== b.training && settingsKey(a.training) !== settingsKey(b.training),
  data: (a, b) => a.dataset !== b.dataset && JSON.stringify(a.dataset) !== JSON.stringify(b.dataset),
};

/** nodes (ids, kinds, activations, inputs, outputs, off) or edges (ends, off) differ; positions, labels and weights do not count */
function topologyChanged(a: GraphDoc, b: GraphDoc): boolean {
  if (a.nodes !== b.nodes) {
    const shape = (n: GraphDoc['nodes'][number]) =>
      JSON.stringify([n.id, n.type, n.off, n.type === 'neuron' ? [n.activation, n.output] : n.type === 'input' ? [n.feature, n.transform, n.times] : null]);
    if (!sameList(a.nodes, b.nodes, (x, y) => x === y || shape(x) === shape(y))) return true;
  }
  return a.edges !== b.edges && !sameList(a.edges, b.edges, (x, y) => x.id === y.id && x.source === y.source && x.target === y.target && x.off === y.off);
}

/** an edge in both documents has another weight (adding or deleting edges is the topology's lock) */
function weightChanged(a: GraphDoc, b: GraphDoc): boolean {
  const before = new Map(a.edges.map((e) => [e.id, e.weight]));
  return b.edges.some((e) => before.has(e.id) && before.get(e.id) !== e.weight);
}

/** every setting but the epoch, which training advances */
function settingsKey(t: TrainingSettings): string {
  const { epoch: _epoch, ...settings } = t;
  return JSON.stringify(settings);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
}
