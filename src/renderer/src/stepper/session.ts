import { applyUpdate, firstCrossingOf, trainingOptions, type GraphDoc, type Net, type TrainingMode, type TrainingOptions } from '../../../engine';
import { netOrNull, passValues } from '../formula/netValues';
import type { NetCache } from '../studio/netCache';
import type { NetValues } from '../formula/values';
import { runningSum, type EpochProgress } from './batch';
import type { EdgeUpdates, Finish, StepPlan } from './machine';
import { batchAt, epochVisits, type BatchSpan, type EpochVisits } from './order';

// Everything the step-through shows for one example, computed by the engine from the document:
// the plan (topological order), every value of the pass, and what ends the example. The example
// at the epoch's position in training's order (order.ts) adds its gradient to its batch's sum;
// the batch's last example ends in the update — the engine's applyUpdate on that sum, with the
// regulariser and momentum — so stepping an epoch gives the command line's weights bit for bit.
// Any other example in hand is shown but not trained on: a test example (forward and error
// only), or a training example that is not next (aside).

/** what the example in hand is to training at this point of the epoch */
export type Role = 'next' | 'aside' | 'test';

export interface StepSession {
  exampleIndex: number;
  role: Role;
  plan: StepPlan;
  values: NetValues;
  mode: TrainingMode;
  eta: number;
  /** the epoch's visiting order (document indices) and b */
  visits: EpochVisits;
  /** the position the epoch has reached in `visits.order` (the example training visits next) */
  position: number;
  /** the batch under way (the one holding `position`); null when no example is trained on */
  batch: BatchSpan | null;
  /** the epoch's number, training.epoch (0-based; shown 1-based) */
  epoch: number;
  /** next: Σ_{i∈B} ∂E_i/∂w over the batch's examples so far and this one */
  sums: Readonly<Record<string, number>> | null;
  /** next: examples of the batch already in the sum before this one */
  summedBefore: number;
  /** old → new weight per edge when this example ends in an update; null otherwise */
  updates: EdgeUpdates | null;
  /** momentum's new v per edge with that update (null without momentum, or without an update) */
  velocities: Readonly<Record<string, number>> | null;
  /** the update would put this weight past the limit (training's divergence check): it is not applied */
  crossing: { edgeId: string; value: number } | null;
  /** the update's regulariser and β (the Update phase's rule) */
  update: Pick<TrainingOptions, 'regularization' | 'momentum'>;
}

function planOf(doc: GraphDoc, net: Net, finish: Finish): StepPlan {
  const order = Array.from(net.order, (k) => net.nodeIds[k]);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return {
    sources: order.filter((id) => byId.get(id)?.type !== 'neuron'),
    neurons: order.filter((id) => byId.get(id)?.type === 'neuron'),
    edges: doc.edges.map((e) => e.id),
    finish,
  };
}

/**
 * the engine's update from the summed gradient: old → new per edge (and momentum's new v), and
 * the first weight it would put past the limit, checked first as training checks it; the net's
 * weights and velocities are restored
 */
function updateFrom(doc: GraphDoc, net: Net, sums: Readonly<Record<string, number>>, options: TrainingOptions): Pick<StepSession, 'updates' | 'velocities' | 'crossing'> {
  const old = net.weights.slice();
  const oldV = net.velocity.slice();
  const summed = Float64Array.from(doc.edges, (e) => sums[e.id] ?? 0);
  const beyond = firstCrossingOf(net, summed, options);
  const crossing = beyond ? { edgeId: doc.edges[beyond.edgeIndex].id, value: beyond.value } : null;
  applyUpdate(net, summed, options);
  const updates: Record<string, { old: number; next: number }> = {};
  doc.edges.forEach((e, i) => (updates[e.id] = { old: old[i], next: net.weights[i] }));
  const velocities = options.momentum > 0 ? Object.fromEntries(doc.edges.map((e, i) => [e.id, net.velocity[i]])) : null;
  net.weights.set(old);
  net.velocity.set(oldV);
  return { updates, velocities, crossing };
}

function roleOf(doc: GraphDoc, exampleIndex: number, visits: EpochVisits, position: number): Role {
  if (doc.dataset.examples[exampleIndex]?.test === true) return 'test';
  return visits.order[position] === exampleIndex ? 'next' : 'aside';
}

const FINISH: Record<Exclude<Role, 'next'>, Finish> = { aside: 'aside', test: 'test' };

/** the example training visits next at the session's place in its epoch (undefined: no training examples) */
export function trainingNextOf(session: Pick<StepSession, 'visits' | 'position'>): number | undefined {
  return session.visits.order[session.position];
}

/** where the example in hand stands in training's epoch, without its pass: what Start needs to offer */
export type StepPlace = Pick<StepSession, 'role' | 'visits' | 'position'>;

/** the example's role at the epoch's place (null: no such example); `visits` when already known */
export function placeOf(doc: GraphDoc, exampleIndex: number, progress: EpochProgress, visits = epochVisits(doc.dataset.examples, doc.training)): StepPlace | null {
  if (!doc.dataset.examples[exampleIndex]) return null;
  const position = Math.min(progress.done, Math.max(0, visits.order.length - 1));
  return { role: roleOf(doc, exampleIndex, visits, position), visits, position };
}

export function buildSession(nets: NetCache, doc: GraphDoc, exampleIndex: number, progress: EpochProgress): StepSession | null {
  const place = placeOf(doc, exampleIndex, progress);
  const net = place && netOrNull(nets, doc);
  if (!place || !net) return null;
  const values = passValues(doc, net, exampleIndex);
  if (!values) return null;
  const options = trainingOptions(doc.training);
  const update = { regularization: options.regularization, momentum: options.momentum };
  const { role, visits, position } = place;
  const base = { exampleIndex, role, values, mode: options.mode, eta: options.learningRate, visits, position, epoch: options.epoch, update };
  if (role !== 'next') {
    return { ...base, plan: planOf(doc, net, FINISH[role]), batch: null, sums: null, summedBefore: 0, updates: null, velocities: null, crossing: null };
  }
  const batch = batchAt(visits, position);
  const grads = Object.fromEntries(Object.values(values.edges).map((e) => [e.id, e.grad]));
  const sums = runningSum(progress, grads);
  const last = position === batch.end - 1;
  const made = last ? updateFrom(doc, net, sums, options) : { updates: null, velocities: null, crossing: null };
  return { ...base, plan: planOf(doc, net, last ? 'update' : 'accumulate'), batch, sums, summedBefore: position - batch.start, ...made };
}
