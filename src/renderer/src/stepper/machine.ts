import type { Reveal } from '../store/live';

// The step-through of one example as a pure state machine. A position is one integer `step`;
// everything a person sees at that step (phase, highlighted neuron, revealed quantities) is a
// function of the plan and the step, so Back is just `step - 1` and nothing has to be undone.
//
//   start        inputs and the bias show their z
//   forward ×N   neurons in topological order: s_k, then z_k = σ(s_k)
//   error        h, y and E_i
//   backward ×N  neurons in reverse order: ∂h/∂s_k
//   gradients    ∂E_i/∂w on every edge
//   then one of
//   update       (the last example of its batch: every example in sequential mode) old → new weights
//   accumulate   (mini-batch and batch, before the batch's last example) the running sum Σ_{i∈B} ∂E_i/∂w
//   aside        (a training example that is not training's next) its gradient, not added
// A test example is never trained on: start, forward ×N, error, then `test` (no backward pass).

export type Phase = 'start' | 'forward' | 'error' | 'backward' | 'gradients' | 'update' | 'accumulate' | 'aside' | 'test';
export type Finish = 'update' | 'accumulate' | 'aside' | 'test';

export interface StepPlan {
  /** input and bias node ids: their z is known before the pass starts */
  sources: readonly string[];
  /** neuron ids in topological order */
  neurons: readonly string[];
  edges: readonly string[];
  /** what ends the example: a weight update, adding to the batch's sum, nothing (aside), or a test example's end */
  finish: Finish;
}

export interface StepInfo {
  phase: Phase;
  /** the neuron being computed at this step (forward and backward only) */
  current: string | null;
}

export type EdgeUpdates = Readonly<Record<string, { old: number; next: number }>>;

/** start + N forward + error + N backward + gradients + finish; a test example: start + N forward + error + its end */
export const stepCount = (plan: StepPlan): number => (plan.finish === 'test' ? plan.neurons.length + 3 : 2 * plan.neurons.length + 4);
export const lastStep = (plan: StepPlan): number => stepCount(plan) - 1;
export const clampStep = (plan: StepPlan, step: number): number => Math.min(Math.max(0, step), lastStep(plan));
export const nextStep = (plan: StepPlan, step: number): number => clampStep(plan, step + 1);
export const prevStep = (plan: StepPlan, step: number): number => clampStep(plan, step - 1);
export const isLastStep = (plan: StepPlan, step: number): boolean => step >= lastStep(plan);

export function stepAt(plan: StepPlan, step: number): StepInfo {
  const n = plan.neurons.length;
  const s = clampStep(plan, step);
  if (s === 0) return { phase: 'start', current: null };
  if (s <= n) return { phase: 'forward', current: plan.neurons[s - 1] };
  if (s === n + 1) return { phase: 'error', current: null };
  if (plan.finish === 'test') return { phase: 'test', current: null };
  if (s <= 2 * n + 1) return { phase: 'backward', current: plan.neurons[2 * n + 1 - s] };
  if (s === 2 * n + 2) return { phase: 'gradients', current: null };
  return { phase: plan.finish, current: null };
}

/** how many neurons have their forward values (s, z) at `step` */
const forwardDone = (plan: StepPlan, step: number): number => Math.min(step, plan.neurons.length);
/** how many neurons, counted from the last in topological order, have ∂h/∂s at `step` */
const backwardDone = (plan: StepPlan, step: number): number =>
  plan.finish === 'test' ? 0 : Math.min(Math.max(0, step - plan.neurons.length - 1), plan.neurons.length);

/** What the canvas shows at `step`: the node and edge annotations revealed so far. */
export function revealAt(plan: StepPlan, step: number, updates?: EdgeUpdates): Reveal {
  const s = clampStep(plan, step);
  const { current, phase } = stepAt(plan, s);
  const nodes: Record<string, { s?: boolean; z?: boolean; dhds?: boolean }> = {};
  for (const id of plan.sources) nodes[id] = { z: true };
  const fwd = forwardDone(plan, s);
  for (let i = 0; i < fwd; i++) nodes[plan.neurons[i]] = { s: true, z: true };
  const bwd = backwardDone(plan, s);
  for (let i = 0; i < bwd; i++) nodes[plan.neurons[plan.neurons.length - 1 - i]] = { s: true, z: true, dhds: true };
  const edges: Record<string, { grad?: boolean; update?: { old: number; next: number } }> = {};
  if (phase === 'gradients' || phase === 'accumulate' || phase === 'update' || phase === 'aside') {
    for (const id of plan.edges) {
      const update = phase === 'update' ? updates?.[id] : undefined;
      edges[id] = update ? { grad: true, update } : { grad: true };
    }
  }
  return { current, nodes, edges };
}
