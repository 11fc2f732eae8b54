import { trainEpoch, trainExample, type GraphDoc, type Net, type TrainingMode } from '../../../engine';
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

/** runs `train` on the net's weights and returns old → new per edge; the net's weights are restored */
function updatesBy(doc: GraphDoc, net: Net, train: (net: Net) => void): EdgeUpdates {
  const old = net.weights.slice();
  train(net);
  const out: Record<string, { old: number; next: number }> = {};
  doc.edges.forEach((e, i) => (out[e.id] = { old: old[i], next: net.weights[i] }));
  net.weights.set(old);
  return out;
}

export function buildSession(doc: GraphDoc, exampleIndex: number, epoch: BatchEpoch): StepSession | null {
  const examples = doc.dataset.examples;
  const example = examples[exampleIndex];
  const net = example && compileOrNull(doc);
  if (!net) return null;
  const values = passValues(doc, net, exampleIndex);
  if (!values) return null;
  const { mode, learningRate: eta } = doc.training;
  const grads = Object.fromEntries(Object.values(values.edges).map((e) => [e.id, e.grad]));
  if (mode === 'sequential') {
    const updates = updatesBy(doc, net, (n) => trainExample(n, example.x, example.y, eta));
    return { exampleIndex, plan: planOf(doc, net, 'update'), values, mode, eta, sums: null, summedBefore: 0, counted: 1, total: 1, updates };
  }
  const last = completesEpoch(epoch, exampleIndex, examples.length);
  const counted = epoch.visited.length + (epoch.visited.includes(exampleIndex) ? 0 : 1);
  const updates = last ? updatesBy(doc, net, (n) => trainEpoch(n, examples, doc.training)) : null;
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
    updates,
  };
}
