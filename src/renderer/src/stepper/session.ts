import { trainEpoch, trainExample, trainingOptions, type GraphDoc, type Net, type TrainingMode, type TrainingOptions } from '../../../engine';
import { compileOrNull, passValues } from '../formula/netValues';
import type { NetValues } from '../formula/values';
import { completesEpoch, runningSum, type BatchEpoch } from './batch';
import type { EdgeUpdates, StepPlan } from './machine';

// Everything the step-through shows for one example, computed by the engine from the document:
// the plan (topological order), every value of the pass, and the update that ends the example —
// by the engine's own trainExample / batch epoch, so stepping gives the command line's weights.

export interface StepSession {
  exampleIndex: number;
  plan: StepPlan;
  values: NetValues;
  mode: TrainingMode;
  eta: number;
  /** batch: Σ_i ∂E_i/∂w over the epoch's counted examples and this one */
  sums: Readonly<Record<string, number>> | null;
  /** batch: examples already in the sum before this one */
  summedBefore: number;
  /** batch: examples counted once this one is added, of how many */
  counted: number;
  total: number;
  /** old → new weight per edge when this example ends in an update; null mid-epoch */
  updates: EdgeUpdates | null;
  /** momentum's new v per edge with that update (null without momentum, or mid-epoch) */
  velocities: Readonly<Record<string, number>> | null;
  /** the update's regulariser and β (the Update phase's rule) */
  update: Pick<TrainingOptions, 'regularization' | 'momentum'>;
}

function planOf(doc: GraphDoc, net: Net, finish: StepPlan['finish']): StepPlan {
  const order = Array.from(net.order, (k) => net.nodeIds[k]);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return {
    sources: order.filter((id) => byId.get(id)?.type !== 'neuron'),
    neurons: order.filter((id) => byId.get(id)?.type === 'neuron'),
    edges: doc.edges.map((e) => e.id),
    finish,
  };
}

/** runs `train` on the net's weights and returns old → new per edge (and momentum's new v); the net's weights and velocities are restored */
function updatesBy(doc: GraphDoc, net: Net, train: (net: Net) => void): { updates: EdgeUpdates; velocities: Record<string, number> | null } {
  const old = net.weights.slice();
  const oldV = net.velocity.slice();
  train(net);
  const out: Record<string, { old: number; next: number }> = {};
  doc.edges.forEach((e, i) => (out[e.id] = { old: old[i], next: net.weights[i] }));
  const velocities = (doc.training.momentum ?? 0) > 0 ? Object.fromEntries(doc.edges.map((e, i) => [e.id, net.velocity[i]])) : null;
  net.weights.set(old);
  net.velocity.set(oldV);
  return { updates: out, velocities };
}

export function buildSession(doc: GraphDoc, exampleIndex: number, epoch: BatchEpoch): StepSession | null {
  const examples = doc.dataset.examples;
  const example = examples[exampleIndex];
  const net = example && compileOrNull(doc);
  if (!net) return null;
  const values = passValues(doc, net, exampleIndex);
  if (!values) return null;
  const { mode, learningRate: eta } = doc.training;
  // the update the engine makes: with the regulariser's term and momentum when those are on
  const { regularization, momentum } = trainingOptions(doc.training);
  const update = { regularization, momentum };
  const grads = Object.fromEntries(Object.values(values.edges).map((e) => [e.id, e.grad]));
  if (mode === 'sequential') {
    const { updates, velocities } = updatesBy(doc, net, (n) => trainExample(n, example.x, example.y, eta, update));
    return { exampleIndex, plan: planOf(doc, net, 'update'), values, mode, eta, sums: null, summedBefore: 0, counted: 1, total: 1, updates, velocities, update };
  }
  const last = completesEpoch(epoch, exampleIndex, examples.length);
  const counted = epoch.visited.length + (epoch.visited.includes(exampleIndex) ? 0 : 1);
  const made = last ? updatesBy(doc, net, (n) => trainEpoch(n, examples, doc.training)) : null;
  return {
    exampleIndex,
    plan: planOf(doc, net, last ? 'update' : 'accumulate'),
    values,
    mode,
    eta,
    sums: runningSum(epoch, exampleIndex, grads),
    summedBefore: epoch.visited.length,
    counted,
    total: examples.length,
    updates: made?.updates ?? null,
    velocities: made?.velocities ?? null,
    update,
  };
}
