import { describe, expect, it } from 'vitest';
import { compile, evaluate, evaluateSplit, penalty, trainEpoch } from '../../../src/engine';
import type { GraphDoc, TrainingSettings } from '../../../src/engine/format/types';
import { BIG_EPOCH_WORK, TrainingSession, historyStride } from '../../../src/renderer/src/training/session';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';

function tutorialDoc() {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return r.doc;
}
import { layeredDoc } from './fixtures';

describe.each(['wasm', 'js'] as const)('TrainingSession on the %s backend', (backend) => {
  it('uses the backend asked for', () => {
    expect(new TrainingSession(layeredDoc([2]), 1, backend).backendKind).toBe(backend);
  });

  it('trains exactly like the engine: N epochs in the session equal N engine epochs (sequential, shuffled)', () => {
    const doc = layeredDoc([3], { training: { shuffle: true, learningRate: 0.3 } });
    const session = new TrainingSession(doc, 1, backend);
    for (let i = 0; i < 4; i++) expect(session.stepEpoch().ok).toBe(true);
    const net = compile(doc);
    for (let epoch = 0; epoch < 4; epoch++) trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch });
    expect(Array.from(session.snapshot(false, 0).weights)).toEqual(Array.from(net.weights));
  });

  it('steps one example at a time and completes the epoch after the last example', () => {
    const doc = layeredDoc([2], { count: 4 });
    const session = new TrainingSession(doc, 1, backend);
    const before = session.snapshot(false, 0);
    session.stepExample();
    const after = session.snapshot(false, 0);
    expect(after.position).toBe(1);
    expect(after.epoch).toBe(0);
    expect(after.updates).toBe(1);
    expect(Array.from(after.weights)).not.toEqual(Array.from(before.weights));
    for (let i = 0; i < 3; i++) session.stepExample();
    const done = session.snapshot(false, 0);
    expect(done.epoch).toBe(1);
    expect(done.position).toBe(0);
  });

  it('continues from the document epoch, so a saved file resumes where it left off', () => {
    const doc = layeredDoc([2], { training: { epoch: 7 } });
    const session = new TrainingSession(doc, 1, backend);
    session.stepEpoch();
    expect(session.snapshot(false, 0).epoch).toBe(8);
  });

  it('batch mode: one update per epoch with the summed gradient, like the engine', () => {
    const doc = layeredDoc([3], { training: { mode: 'batch', learningRate: 0.1 } });
    const session = new TrainingSession(doc, 1, backend);
    session.stepExample(); // in batch mode a step is a whole-epoch update
    session.stepEpoch();
    const net = compile(doc);
    trainEpoch(net, doc.dataset.examples, doc.training);
    trainEpoch(net, doc.dataset.examples, doc.training);
    const snap = session.snapshot(false, 0);
    expect(snap.epoch).toBe(2);
    expect(Array.from(snap.weights)).toEqual(Array.from(net.weights));
  });

  it('reports the loss of each epoch for the chart, starting with the untrained weights', () => {
    const session = new TrainingSession(layeredDoc([3]), 1, backend);
    for (let i = 0; i < 3; i++) session.stepEpoch();
    const { history, error } = session.snapshot(false, 0);
    expect(history.map((p) => p.epoch)).toEqual([0, 1, 2, 3]);
    expect(history[3].error).toBe(error);
    expect(session.snapshot(false, 0).history).toEqual([]); // each point is sent once
  });

  it('runs until the deadline and reaches a high accuracy on the circle', () => {
    const session = new TrainingSession(layeredDoc([6], { count: 80, training: { learningRate: 1, shuffle: true } }), 1, backend);
    let t = 0;
    for (let slice = 0; slice < 4000 && session.snapshot(false, 0).accuracy < 0.95; slice++) {
      const r = session.runUntil(t + 1, () => t++);
      expect(r.ok).toBe(true);
    }
    expect(session.snapshot(false, 0).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('divergence: η = 10 on a deep linear net stops, restores the last good (finite, bounded) weights and names the edge', () => {
    const doc = layeredDoc([8, 8, 8, 8], { activation: 'linear', training: { learningRate: 10 } });
    const session = new TrainingSession(doc, 1, backend);
    let result = session.stepExample();
    for (let i = 0; i < 10000 && result.ok; i++) result = session.stepExample();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { divergence } = result;
    const snap = session.snapshot(false, 0);
    expect(snap.weights.every((w) => Number.isFinite(w) && Math.abs(w) <= 1e6)).toBe(true);
    expect(divergence.edgeId === null || doc.edges.some((e) => e.id === divergence.edgeId)).toBe(true);
    expect(divergence.example).toBeGreaterThanOrEqual(1);
    expect(divergence.update).toBe(snap.updates + 1);
  });

  it('divergence after E blew up with every |w| under 10⁶: restores the last weights whose E was finite and within 10⁶ times its smallest, and says which', () => {
    // batch mode, η = 3: the first update takes E from 34 to 2·10⁹ (over 10⁶ times the smallest),
    // every weight still under 10⁶; the second would cross the bound
    const doc = layeredDoc([4], { activation: 'linear', training: { learningRate: 3, mode: 'batch' } });
    const session = new TrainingSession(doc, 1, backend);
    const start = session.snapshot(false, 0);
    let result = session.stepEpoch();
    for (let i = 0; i < 100 && result.ok; i++) result = session.stepEpoch();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.divergence.epoch).toBe(1); // the failing update was the second epoch's
    const snap = session.snapshot(false, 0);
    // the weights of epoch 0, not those of epoch 1 (E = 2·10⁹) just before the crossing
    expect(snap.epoch).toBe(0);
    expect(snap.position).toBe(0);
    expect(snap.error).toBe(start.error);
    expect(Array.from(snap.weights)).toEqual(Array.from(start.weights));
    expect(result.divergence.restored).toEqual({ epoch: 0, position: 0, error: start.error });
  });

  it('names saturation: η = 50 on the tutorial 2-5-1 pins the output, and a sane η does not', () => {
    const tutorial = tutorialDoc();
    const hot = new TrainingSession({ ...tutorial, training: { ...tutorial.training, learningRate: 50 } }, 1, backend);
    for (let i = 0; i < 30; i++) hot.stepEpoch();
    const stuck = hot.snapshot(false, 0);
    expect(stuck.accuracy).toBeLessThan(1);
    expect(stuck.saturated).toBe(true);
    const calm = new TrainingSession({ ...tutorial, training: { ...tutorial.training, learningRate: 0.5 } }, 1, backend);
    for (let i = 0; i < 30; i++) calm.stepEpoch();
    expect(calm.snapshot(false, 0).saturated).toBe(false);
  });

  it('a divergence inside a chunk is traced to the same step, weight and restored weights as stepping one by one', () => {
    const doc = layeredDoc([5, 5], { activation: 'linear', count: 200, training: { learningRate: 0.5, shuffle: true } });
    const stepped = new TrainingSession(doc, 1, backend);
    let one = stepped.stepExample();
    for (let i = 0; i < 100000 && one.ok; i++) one = stepped.stepExample();
    const chunked = new TrainingSession(doc, 1, backend);
    let t = 0;
    let many = chunked.runUntil(1, () => t++);
    for (let i = 0; i < 100000 && many.ok; i++) many = chunked.runUntil(t + 1, () => t++);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.divergence.update).toBeGreaterThan(1); // mid-chunk, so the replay is exercised
    expect(many).toEqual(one);
    expect(Array.from(chunked.snapshot(false, 0).weights)).toEqual(Array.from(stepped.snapshot(false, 0).weights));
  });

  it('the history gets sparser as epochs grow, so a long run stays drawable', () => {
    expect(historyStride(10)).toBe(1);
    expect(historyStride(500)).toBe(1);
    expect(historyStride(501)).toBe(2);
    expect(historyStride(1500)).toBe(4);
  });
});

describe('what the session reports of E and accuracy', () => {
  it.each(['sigmoid', 'tanh', 'linear'] as const)('is the engine’s evaluate, bit for bit, on the kernel too (%s)', (activation) => {
    const doc = layeredDoc([4, 3], { activation, training: { shuffle: true, learningRate: 0.2 } });
    const session = new TrainingSession(doc, 1, 'wasm');
    expect(session.backendKind).toBe('wasm');
    const net = compile(doc);
    for (let epoch = 0; epoch < 3; epoch++) {
      session.stepEpoch();
      trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch });
      const snap = session.snapshot(false, 0);
      const expected = evaluate(net, doc.dataset.examples);
      expect(Object.is(snap.error, expected.error)).toBe(true);
      expect(Object.is(snap.meanError, expected.meanError)).toBe(true);
      expect(snap.accuracy).toBe(expected.accuracy);
      // and the loss chart's point for the epoch just finished
      expect(snap.history.at(-1)).toEqual({ epoch: epoch + 1, error: expected.error, meanError: expected.meanError, accuracy: expected.accuracy });
    }
  });
});

describe('a document using version 2’s options', () => {
  /** the circle with every 5th point a test point, mini-batches of 10, L2 and momentum */
  function v2Doc(training: Partial<TrainingSettings> = {}) {
    const base = layeredDoc([4], { count: 50, training: { learningRate: 0.1, shuffle: true, mode: 'minibatch', batchSize: 10, regularization: { kind: 'L2', rate: 0.001 }, momentum: 0.9, ...training } });
    return { ...base, dataset: { ...base.dataset, examples: base.dataset.examples.map((ex, i) => (i % 5 === 0 ? { ...ex, test: true } : ex)) } };
  }
  const engineEpochs = (doc: GraphDoc, epochs: number) => {
    const net = compile(doc);
    for (let epoch = doc.training.epoch; epoch < doc.training.epoch + epochs; epoch++) trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch });
    return net;
  };

  it('trains version 2 instead of refusing it, on the WebAssembly kernel (the engine only where asked), with no engine note', () => {
    const session = new TrainingSession(v2Doc(), 1);
    expect(session.backendKind).toBe('wasm');
    expect(session.snapshot(false, 0).engineReason).toBeNull();
    const onEngine = new TrainingSession(v2Doc(), 1, 'js');
    expect(onEngine.backendKind).toBe('js');
    expect(onEngine.snapshot(false, 0).engineReason).toBeNull();
  });

  it.each([
    ['mini-batch 10, L2, momentum, test split', {}],
    ['sequential with L1', { mode: 'sequential' as const, regularization: { kind: 'L1' as const, rate: 0.01 }, momentum: 0 }],
    ['batch with momentum', { mode: 'batch' as const, regularization: { kind: 'none' as const, rate: 0 }, momentum: 0.5 }],
  ])('%s: N epochs in the session are the engine’s trainEpoch N times, weights and velocities bit for bit', (_name, training) => {
    const doc = v2Doc(training);
    const session = new TrainingSession(doc, 1);
    for (let i = 0; i < 4; i++) expect(session.stepEpoch().ok).toBe(true);
    const net = engineEpochs(doc, 4);
    const snap = session.snapshot(false, 0);
    expect(snap.epoch).toBe(4);
    expect(Array.from(snap.weights)).toEqual(Array.from(net.weights));
    if ((doc.training.momentum ?? 0) > 0) expect(Array.from(snap.velocities!)).toEqual(Array.from(net.velocity));
    else expect(snap.velocities).toBeNull();
  });

  it('Step makes one update: one mini-batch of b examples; stepping through an epoch equals the whole epoch', () => {
    const doc = v2Doc();
    const session = new TrainingSession(doc, 1);
    const before = session.snapshot(false, 0);
    expect(session.stepExample().ok).toBe(true);
    const one = session.snapshot(false, 0);
    expect(one.position).toBe(10);
    expect(one.updates).toBe(10);
    expect(Array.from(one.weights)).not.toEqual(Array.from(before.weights));
    for (let i = 0; i < 3; i++) session.stepExample(); // 40 training examples: 4 batches
    expect(session.snapshot(false, 0)).toMatchObject({ epoch: 1, position: 0 });
    session.stepExample(); // a batch into epoch 2, then the rest of it
    session.stepEpoch();
    const net = engineEpochs(doc, 2);
    const snap = session.snapshot(false, 0);
    expect(snap.epoch).toBe(2);
    expect(Array.from(snap.weights)).toEqual(Array.from(net.weights));
    expect(Array.from(snap.velocities!)).toEqual(Array.from(net.velocity));
  });

  it('runs in time slices to the same weights as whole epochs', () => {
    const doc = v2Doc();
    const session = new TrainingSession(doc, 1);
    let t = 0;
    while (session.snapshot(false, 0).epoch < 6) expect(session.runUntil(t + 1, () => t++, 40).ok).toBe(true);
    expect(Array.from(session.weights())).toEqual(Array.from(engineEpochs(doc, 6).weights));
  });

  it('a big epoch on the engine trains a few batches per chunk, so the clock is checked within it, to the same weights', () => {
    const doc = v2Doc({ mode: 'sequential', regularization: { kind: 'none', rate: 0 } });
    const many = layeredDoc([4], { count: Math.ceil(BIG_EPOCH_WORK / doc.edges.length) + 10, training: { ...doc.training, learningRate: 0.002 } });
    const session = new TrainingSession(many, 1, 'js');
    let t = 0;
    expect(session.runUntil(0, () => t++).ok).toBe(true); // one chunk: past the deadline at once
    const first = session.snapshot(false, 0);
    expect(first.epoch).toBe(0);
    expect(first.position).toBeGreaterThan(0);
    const rest = session.updatesPerEpoch - first.position;
    expect(session.runUntil(t + 1000, () => t++, rest).ok).toBe(true);
    expect(session.snapshot(false, 0)).toMatchObject({ epoch: 1, position: 0 });
    expect(Array.from(session.weights())).toEqual(Array.from(engineEpochs(many, 1).weights));
  });

  it('test examples never train, and E, mean error and accuracy are reported for train and test apart (evaluateSplit)', () => {
    const doc = v2Doc();
    const session = new TrainingSession(doc, 1);
    for (let i = 0; i < 3; i++) session.stepEpoch();
    const net = engineEpochs(doc, 3);
    const split = evaluateSplit(net, doc.dataset.examples);
    const snap = session.snapshot(false, 0);
    expect(session.updatesPerEpoch).toBe(40);
    expect({ error: snap.error, meanError: snap.meanError, accuracy: snap.accuracy, meanSquaredError: snap.meanSquaredError }).toEqual(split.train);
    expect(snap.test).toEqual(split.test);
    expect(snap.penalty).toBe(penalty(net, { kind: 'L2', rate: 0.001 }));
    expect(snap.history.at(-1)).toEqual({ epoch: 3, error: split.train.error, meanError: split.train.meanError, accuracy: split.train.accuracy, test: { error: split.test.error, meanError: split.test.meanError, accuracy: split.test.accuracy } });
    // moving a test point changes the test numbers only, never the training
    const moved = { ...doc, dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i === 0 ? { ...ex, x: [0.9, -0.9] } : ex)) } };
    const other = new TrainingSession(moved, 1);
    for (let i = 0; i < 3; i++) other.stepEpoch();
    expect(Array.from(other.weights())).toEqual(Array.from(session.weights()));
  });

  it('resumes exactly: 3 epochs, the weights and velocities written to the document, 2 more = 5 epochs straight', () => {
    const doc = v2Doc();
    const first = new TrainingSession(doc, 1);
    for (let i = 0; i < 3; i++) first.stepEpoch();
    const snap = first.snapshot(false, 0);
    const saved: GraphDoc = {
      ...doc,
      edges: doc.edges.map((e, i) => ({ ...e, weight: snap.weights[i], velocity: snap.velocities![i] })),
      training: { ...doc.training, epoch: snap.epoch },
    };
    const second = new TrainingSession(saved, 2);
    for (let i = 0; i < 2; i++) second.stepEpoch();
    const straight = engineEpochs(doc, 5);
    expect(Array.from(second.weights())).toEqual(Array.from(straight.weights));
    expect(Array.from(second.velocities()!)).toEqual(Array.from(straight.velocity));
  });

  it('an update that would diverge is not made, in mini-batch mode too, and names its batch', () => {
    const doc = layeredDoc([8, 8, 8], { activation: 'linear', count: 40, training: { learningRate: 5, mode: 'minibatch', batchSize: 8, momentum: 0.9 } });
    const session = new TrainingSession(doc, 1);
    let result = session.stepEpoch();
    for (let i = 0; i < 1000 && result.ok; i++) result = session.stepEpoch();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.divergence.example).toBeNull();
    expect(result.divergence.batch).toBeGreaterThanOrEqual(1);
    expect(session.weights().every((w) => Number.isFinite(w) && Math.abs(w) <= 1e6)).toBe(true);
  });
});
