import { describe, expect, it, beforeEach } from 'vitest';
import { HISTORY_MAX, mergeHistory } from '../../../src/renderer/src/training/store';
import { linePath, nearestByEpoch, scales } from '../../../src/renderer/src/training/chartGeometry';
import { describeDivergence, suggestSmaller } from '../../../src/renderer/src/training/divergenceMessage';
import { epochText } from '../../../src/renderer/src/training/format';
import { changesTraining, LOSS_CROSS_ENTROPY } from '../../../src/engine';
import type { GraphNode } from '../../../src/engine/format/types';
import type { HistoryPoint } from '../../../src/renderer/src/training/protocol';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';
import { parseEta } from '../../../src/renderer/src/training/LearningRate';
import { layeredDoc } from './fixtures';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const pt = (epoch: number, error = 1, accuracy = 0.5) => ({ epoch, error, meanError: error / 2, accuracy });

describe('loss history', () => {
  it('appends new epochs, replaces a repeated one, and drops epochs past one that went back (reset, undo)', () => {
    expect(mergeHistory([pt(0), pt(1)], [pt(2)], 2).map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(mergeHistory([pt(0), pt(1, 5)], [pt(1, 3)], 1)).toEqual([pt(0), pt(1, 3)]);
    expect(mergeHistory([pt(0), pt(1), pt(2), pt(3)], [], 1).map((p) => p.epoch)).toEqual([0, 1]);
    expect(mergeHistory([pt(0), pt(5)], [pt(0, 9)], 0)).toEqual([pt(0, 9)]);
  });

  it('thins a long history but keeps its first and latest epochs', () => {
    const long = Array.from({ length: HISTORY_MAX }, (_, i) => pt(i));
    const merged = mergeHistory(long, [pt(HISTORY_MAX)], HISTORY_MAX);
    expect(merged.length).toBeLessThanOrEqual(HISTORY_MAX);
    expect(merged[0].epoch).toBe(0);
    expect(merged.at(-1)!.epoch).toBe(HISTORY_MAX);
  });
});

describe('training store', () => {
  const snap = (running: boolean, epoch: number) => ({
    generation: 1, seq: 1, weights: new Float64Array(), epoch, position: 0, updates: 1, error: 2, meanError: 1,
    accuracy: 0.5, meanSquaredError: 0.25, test: null, penalty: 0, velocities: null, rate: 10, running, backend: 'wasm' as const,
    engineReason: null, history: [pt(epoch)], saturated: false,
  });
  it('a stale running snapshot (sent before a pause arrived) updates the numbers but does not flip back to running', () => {
    studio.training.setState({ running: false, history: [] });
    studio.training.applySnapshot(snap(true, 3), 2, false);
    expect(studio.training.getState()).toMatchObject({ running: false, epoch: 3, error: 2, accuracy: 0.5 });
    studio.training.applySnapshot(snap(true, 4), 2, true);
    expect(studio.training.getState().running).toBe(true);
    expect(studio.training.getState().history.map((p) => p.epoch)).toEqual([3, 4]);
  });

  it('with no examples there is no error or accuracy to show', () => {
    studio.training.applySnapshot(snap(false, 0), 0);
    expect(studio.training.getState()).toMatchObject({ error: null, meanError: null, accuracy: null });
  });

  it('with no examples the loss chart is empty, even when a late snapshot still carries the last document’s E (New)', () => {
    studio.training.applySnapshot(snap(false, 1), 2);
    expect(studio.training.getState().history).toHaveLength(1);
    studio.training.clearHistory();
    studio.training.applySnapshot(snap(false, 0), 0);
    expect(studio.training.getState().history).toEqual([]);
  });

  it('a new window plays at a pace a class can watch: tens of epochs a second, not full speed', () => {
    const speed = studio.training.getState().speed;
    expect(speed).not.toBeNull();
    expect(speed).toBeGreaterThanOrEqual(10);
    expect(speed).toBeLessThanOrEqual(60);
  });
});

describe('loss chart geometry', () => {
  const box = { left: 0, top: 0, width: 100, height: 100 };
  it('log scale puts decades evenly; linear starts at 0; accuracy 1 is the top', () => {
    const points = [pt(0, 100), pt(1, 10), pt(2, 1)];
    const log = scales(points, box, true);
    expect(log.yError(100)).toBe(0);
    expect(log.yError(10)).toBeCloseTo(50);
    expect(log.yError(1)).toBe(100);
    const lin = scales(points, box, false);
    expect(lin.yError(0)).toBe(100);
    expect(lin.yError(50)).toBe(50);
    expect(lin.yAccuracy(1)).toBe(0);
    expect(lin.x(1)).toBe(50);
  });

  it('breaks the line at non-finite values instead of drawing NaN', () => {
    const d = linePath([pt(0), pt(1, NaN), pt(2)], (p) => p.epoch, (p) => p.error);
    expect(d).toBe('M0.0,1.0M2.0,1.0');
  });

  it('draws a line through points a pixel or more apart through every one of them', () => {
    const points = [pt(0, 5), pt(1, 2), pt(2.5, 7), pt(4, 1)];
    expect(linePath(points, (p) => p.epoch, (p) => p.error)).toBe('M0.0,5.0L1.0,2.0L2.5,7.0L4.0,1.0');
  });

  it('keeps the first, lowest, highest and last point of each pixel column, so a long history draws the same line with fewer points', () => {
    // 2,000 epochs across 250 px, a noisy falling curve: 8 points to a column
    const points = Array.from({ length: 2000 }, (_, i) => pt(i, 50 * Math.exp(-i / 300) + ((i * 7919) % 13) / 4));
    const px = (p: HistoryPoint) => 46 + (p.epoch / 1999) * 250;
    const py = (p: HistoryPoint) => p.error;
    const d = linePath(points, px, py);
    const drawn = [...d.matchAll(/[ML](-?[\d.]+,-?[\d.]+)/g)].map((m) => m[1]);
    expect(d.startsWith('M')).toBe(true);
    expect(d.slice(1)).not.toContain('M');
    // each pixel column's first, lowest, highest and last point is drawn, and nothing else
    const columns = new Map<number, HistoryPoint[]>();
    for (const p of points) columns.set(Math.floor(px(p)), [...(columns.get(Math.floor(px(p))) ?? []), p]);
    const at = (p: HistoryPoint) => `${px(p).toFixed(1)},${py(p).toFixed(1)}`;
    const expected = new Set<string>();
    for (const ps of columns.values()) {
      const byY = [...ps].sort((a, b) => py(a) - py(b));
      for (const p of [ps[0], byY[0], byY.at(-1)!, ps.at(-1)!]) expected.add(at(p));
    }
    expect(new Set(drawn)).toEqual(expected);
    expect(drawn.length).toBeLessThanOrEqual(4 * columns.size);
    expect(drawn.length).toBeLessThan(points.length / 2);
  });

  it('hover picks the recorded epoch nearest the pointer', () => {
    const points = [pt(0), pt(4), pt(8), pt(16)];
    expect(nearestByEpoch(points, 5)?.epoch).toBe(4);
    expect(nearestByEpoch(points, 7)?.epoch).toBe(8);
    expect(nearestByEpoch(points, 100)?.epoch).toBe(16);
    expect(nearestByEpoch([], 1)).toBeNull();
  });
});

describe('divergence message', () => {
  it('says where (epoch, example, update) in the Epoch readout’s own words, which weight, and suggests a smaller η', () => {
    const doc = layeredDoc([2], { training: { learningRate: 10 } });
    const text = describeDivergence({ epoch: 2, example: 7, update: 107, edgeId: 'h0_1->out', value: 3.2e6 }, doc);
    // the readout then shows the last good weights: 2 completed epochs and 6 examples of the next
    expect(text).toContain(`at epoch ${epochText(2, 6)}, on example 7 of the epoch (update 107)`);
    expect(epochText(2, 6)).toBe('2 (+6)');
    expect(text).toContain('w(h0_1 → out) [edge h0_1->out] reached 3.2e6');
    expect(text).toContain('smaller learning rate η than 10, e.g. 1');
    expect(describeDivergence({ epoch: 0, example: null, update: 5, edgeId: null, value: Infinity }, doc)).toContain(
      'at epoch 0, in the batch update that ends it (update 5): the error E became ∞',
    );
    expect(describeDivergence({ epoch: 4, example: null, batch: 3, update: 30, edgeId: 'h0_1->out', value: 2e6 }, doc)).toContain(
      'at epoch 4, in mini-batch update 3 of the epoch (update 30)',
    );
    expect(suggestSmaller(0.3)).toBe(0.03);
  });

  it('names the epoch of the weights restored when older ones came back (the epoch the readout shows)', () => {
    const doc = layeredDoc([2], { training: { learningRate: 3 } });
    const text = describeDivergence({ epoch: 1, example: null, update: 120, edgeId: 'h0_1->out', value: 1e8, restored: { epoch: 0, position: 0, error: 33.8 } }, doc);
    expect(text).toContain('restored the last good weights, those of epoch 0 (E = 33.8;');
    expect(describeDivergence({ epoch: 1, example: 3, update: 9, edgeId: 'h0_1->out', value: 1e8, restored: { epoch: 0, position: 4, error: 2 } }, doc)).toContain(
      `those of epoch ${epochText(0, 4)} (E = 2;`,
    );
  });
});

describe('which edits restart training', () => {
  it('weights, data, topology and settings do; moving or renaming a node does not', () => {
    const doc = layeredDoc([2]);
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 }, label: 'renamed' })) };
    expect(changesTraining(doc, moved)).toBe(false);
    expect(changesTraining(doc, { ...doc, edges: [...doc.edges] })).toBe(true);
    expect(changesTraining(doc, { ...doc, dataset: { ...doc.dataset, examples: [] } })).toBe(true);
    expect(changesTraining(doc, { ...doc, training: { ...doc.training, learningRate: 2 } })).toBe(true);
    const relu = { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'relu' as const } : n)) };
    expect(changesTraining(doc, relu)).toBe(true);
    expect(changesTraining(null, doc)).toBe(true);
  });

  it('so do version 2’s settings (the worker must hear of them to apply them at the next step), and switching a node off', () => {
    const doc = layeredDoc([2]);
    const t = doc.training;
    for (const patch of [{ mode: 'minibatch' as const }, { batchSize: 3 }, { loss: 'crossEntropy' as const }, { momentum: 0.9 }, { regularization: { kind: 'L2' as const, rate: 0.01 } }])
      expect(changesTraining(doc, { ...doc, training: { ...t, ...patch } })).toBe(true);
    expect(changesTraining(doc, { ...doc, training: { ...t, momentum: 0 } })).toBe(false); // absent = 0
    expect(changesTraining(doc, { ...doc, nodes: doc.nodes.map((n) => (n.id === 'h0_0' ? { ...n, off: true } : n)) })).toBe(true);
    expect(changesTraining(doc, { ...doc, nodes: doc.nodes.map((n) => (n.id === 'in_x' ? { ...n, transform: 'sin' as const } : n)) })).toBe(true);
  });
});

describe('the page’s compiled net (live values, maps) follows what the math depends on', () => {
  it('switching the loss, a node or an edge off, or an input’s transform compiles anew; new weights do not', () => {
    const cache = createNetCache().user();
    const doc = layeredDoc([2]);
    const first = cache.netFor(doc)!;
    expect(cache.netFor({ ...doc, edges: doc.edges.map((e) => ({ ...e, weight: 0.5 })) })).toBe(first);
    const ce = cache.netFor({ ...doc, training: { ...doc.training, loss: 'crossEntropy' } })!;
    expect(ce.loss).toBe(LOSS_CROSS_ENTROPY);
    const off = (n: GraphNode) => (n.id === 'h0_0' ? { ...n, off: true } : n);
    expect(cache.netFor({ ...doc, nodes: doc.nodes.map(off) })!.nodeOff.some((v) => v !== 0)).toBe(true);
    expect(cache.netFor({ ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, off: true } : e)) })!.edgeOff[0]).toBe(1);
    const sin = (n: GraphNode) => (n.id === 'in_x' ? { ...n, transform: 'sin' as const } : n);
    expect(cache.netFor({ ...doc, nodes: doc.nodes.map(sin) })!.transform.some((v) => v !== 0)).toBe(true);
  });
});

describe('typed η', () => {
  it('accepts finite numbers above 0, in any notation', () => {
    expect(parseEta('0.5')).toBe(0.5);
    expect(parseEta(' 1e-5 ')).toBe(1e-5);
    for (const bad of ['', '0', '-1', 'abc', 'Infinity', '1e400']) expect(parseEta(bad)).toBeNull();
  });
});
