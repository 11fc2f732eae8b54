import { describe, expect, it } from 'vitest';
import { compile, evaluate, trainEpoch } from '../../../src/engine';
import { TrainingSession, historyStride } from '../../../src/renderer/src/training/session';
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
      expect(snap.history.at(-1)).toEqual({ epoch: epoch + 1, error: expected.error, accuracy: expected.accuracy });
    }
  });
});

describe('a version-2 option the app does not train yet', () => {
  it('is refused by name instead of being trained with version 1’s math', () => {
    const doc = layeredDoc([2], { count: 4, training: { momentum: 0.9 } });
    expect(() => new TrainingSession(doc, 1)).toThrow(/format version 2 yet \(momentum is on\)/);
    expect(() => new TrainingSession(layeredDoc([2], { count: 4 }), 1)).not.toThrow();
  });
});
