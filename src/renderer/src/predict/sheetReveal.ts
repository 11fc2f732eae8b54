import type { GraphDoc } from '../../../engine';
import type { Reveal } from '../store/live';

// What the canvas shows while the on-screen worksheet is worked: every value of the example in
// hand (as when nothing is stepped), from which the sheet's blanks are then taken out
// (stepper/useRevealSync.ts). A new weight is not among them: the canvas shows none unstepped.

/** every node's s, z and ∂h/∂s and every edge's ∂E/∂w shown */
export function everythingShown(doc: GraphDoc): Reveal {
  const nodes: Record<string, { s: boolean; z: boolean; dhds: boolean }> = {};
  for (const n of doc.nodes) nodes[n.id] = { s: true, z: true, dhds: true };
  const edges: Record<string, { grad: boolean }> = {};
  for (const e of doc.edges) edges[e.id] = { grad: true };
  return { current: null, nodes, edges, labelsFor: null };
}
