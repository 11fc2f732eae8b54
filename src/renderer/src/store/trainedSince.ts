import type { GraphDoc } from '../../../engine';

// Whether a document differs from an earlier one only by what training writes into it while it
// runs (controller: the weights, momentum's velocities, the epoch). Edits share every part they
// leave alone (docEdits.ts), so identity of the other parts tells a person's edit — or another
// document — from training.

export function onlyTrainedSince(before: GraphDoc, now: GraphDoc): boolean {
  if (now === before) return true;
  const { edges: edgesBefore, training: trainingBefore, ...restBefore } = before;
  const { edges: edgesNow, training: trainingNow, ...restNow } = now;
  return sameFields(restBefore, restNow) && sameFields(trainingBefore, trainingNow, ['epoch']) && sameEdges(edgesBefore, edgesNow);
}

/** the same edges in the same order, each with the same fields but its weight and velocity */
function sameEdges(before: GraphDoc['edges'], now: GraphDoc['edges']): boolean {
  return before.length === now.length && before.every((e, i) => e === now[i] || sameFields(e, now[i], ['weight', 'velocity']));
}

/** every own field identical (Object.is) but those in `except` */
function sameFields(a: object, b: object, except: readonly string[] = []): boolean {
  const keys = (o: object) => Object.keys(o).filter((k) => !except.includes(k));
  const ka = keys(a);
  const kb = keys(b);
  const va = a as Record<string, unknown>;
  const vb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && Object.is(va[k], vb[k]));
}
