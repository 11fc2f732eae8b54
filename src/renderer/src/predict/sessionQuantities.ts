import { readPass, type GraphDoc } from '../../../engine';
import { passQuantities, type Quantity, type UpdateReadout } from '../../../engine/predict';
import { netOrNull } from '../formula/netValues';
import type { NetCache } from '../studio/netCache';
import { stepAt, type StepPlan } from '../stepper/machine';
import type { StepSession } from '../stepper/session';

// The quantities of the step-through's example (engine/predict), and which of them each step
// computes: a forward step s_k and z_k, the error step E_i, a backward step ∂h/∂s_k, ∂E/∂s_k and
// ∂E/∂w for each edge into k, the update step every new weight. The other steps ask nothing.

/** the update that ends the session's example, as the checker reads it: the gradient it uses (Σ over the batch in mini-batch and batch modes) and the new weight */
function updateOf(session: StepSession): UpdateReadout | null {
  const { updates, values, sums, eta } = session;
  if (!updates) return null;
  const edges: Record<string, { gradient: number; next: number }> = {};
  for (const id in updates) edges[id] = { gradient: sums?.[id] ?? values.edges[id].grad, next: updates[id].next };
  return { eta, batch: session.mode !== 'sequential', edges };
}

/** every quantity of the session's example (null when the graph does not compute) */
export function sessionQuantities(nets: NetCache, doc: GraphDoc, session: StepSession): Quantity[] | null {
  const net = netOrNull(nets, doc);
  const example = doc.dataset.examples[session.exampleIndex];
  if (!net || !example) return null;
  return passQuantities(doc, readPass(net, example), updateOf(session));
}

/** the quantities step `step` computes, in the order they are asked */
export function quantitiesAtStep(plan: StepPlan, step: number, all: readonly Quantity[]): Quantity[] {
  const { phase, current } = stepAt(plan, step);
  switch (phase) {
    case 'forward':
      return all.filter((q) => (q.kind === 's' || q.kind === 'z') && q.nodeId === current);
    case 'error':
      return all.filter((q) => q.kind === 'E');
    case 'backward':
      return all.filter((q) => ((q.kind === 'dhds' || q.kind === 'dEds') && q.nodeId === current) || (q.kind === 'grad' && q.targetId === current));
    case 'update':
      return all.filter((q) => q.kind === 'update');
    default:
      return [];
  }
}

/** the first quantity of the step not yet revealed (null: the step is all shown) */
export const pendingOf = (asked: readonly Quantity[], revealed: Readonly<Record<string, unknown>>): Quantity | null =>
  asked.find((q) => revealed[q.key] === undefined) ?? null;
