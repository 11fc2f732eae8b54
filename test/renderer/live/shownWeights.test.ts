import { describe, expect, it, beforeEach } from 'vitest';
import { trace } from '../../../src/engine';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { computeLive } from '../../../src/renderer/src/live/computeLive';
import { setWeightsIn } from '../../../src/renderer/src/store/docEdits';
import { STROKES } from '../../../src/renderer/src/pacing/constants';

const STROKE_MS = STROKES.minMs;
const STROKE_MAX_MS = STROKES.maxMs;
/** a big graph's edge count (its strokes are paced) */
const BIG = 601;
import { createNetCache } from '../../../src/renderer/src/studio/netCache';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const nets = createNetCache().user();

describe('shown weights (training at screen rate, ahead of the document)', () => {
  it('live values follow the shown weights exactly as if the document held them', () => {
    const doc = tutorial251();
    const trained = doc.edges.map((e, i) => e.weight * 0.5 + (i % 3) * 0.25 - 0.1);
    const ids = doc.edges.map((e) => e.id);
    studio.shown.show(ids, Float64Array.from(trained), 0);
    const live = computeLive(doc, 3, nets.netFor, studio.shown.weightsFor)!;
    const asDoc = trace(setWeightsIn(doc, Object.fromEntries(ids.map((id, i) => [id, trained[i]]))), 3);
    expect(live.error).toBe(asDoc.error);
    for (const [id, e] of Object.entries(asDoc.edges)) expect(live.edges[id].grad).toBe(e.grad);
  });

  it('once cleared, live values are the document’s again', () => {
    const doc = tutorial251();
    studio.shown.show(doc.edges.map((e) => e.id), new Float64Array(doc.edges.length).fill(2), 0);
    studio.shown.clear();
    expect(computeLive(doc, 0, nets.netFor, studio.shown.weightsFor)!.error).toBe(trace(doc, 0).error);
  });

  it('is ignored by a net of another size (a snapshot of an older topology)', () => {
    const doc = tutorial251();
    studio.shown.show(['a', 'b'], Float64Array.of(1, 2), 0);
    expect(studio.shown.weightsFor(doc.edges.length)).toBeNull();
    expect(computeLive(doc, 0, nets.netFor, studio.shown.weightsFor)!.error).toBe(trace(doc, 0).error);
  });

  it('keeps one index per id list, so edges look their weight up by id', () => {
    const ids = ['e1', 'e2', 'e3'];
    studio.shown.show(ids, Float64Array.of(1, 2, 3), 0);
    const first = studio.shown.getState().index;
    studio.shown.show(ids, Float64Array.of(4, 5, 6), 0);
    const { index, weights } = studio.shown.getState();
    expect(index).toBe(first);
    expect(weights![index!.get('e2')!]).toBe(5);
  });

  it('strokes follow every snapshot of a graph that is not big, and a big graph’s at most every STROKES.minMs', () => {
    const small = ['a', 'b'];
    studio.shown.show(small, Float64Array.of(1, 2), 0);
    studio.shown.show(small, Float64Array.of(3, 4), 1);
    expect(studio.shown.strokes.getState().strokes).toEqual(Float64Array.of(3, 4));
    const ids = Array.from({ length: BIG }, (_, i) => `e${i}`);
    const first = new Float64Array(ids.length).fill(1);
    studio.shown.show(ids, first, 1000, true);
    studio.shown.show(ids, new Float64Array(ids.length).fill(2), 1000 + STROKE_MS / 2, true);
    expect(studio.shown.strokes.getState().strokes).toBe(first);
    expect(studio.shown.getState().weights![0]).toBe(2);
    const later = new Float64Array(ids.length).fill(3);
    studio.shown.show(ids, later, 1000 + STROKE_MS, true);
    expect(studio.shown.strokes.getState().strokes).toBe(later);
    studio.shown.clear();
    expect(studio.shown.strokes.getState().strokes).toBeNull();
    expect(studio.shown.getState().weights).toBeNull();
  });

  it('a big graph’s strokes wait longer when repainting the edge canvas costs a frame more', () => {
    const settle = (ms: number) => {
      for (let i = 0; i < 60; i++) studio.shown.noteStrokeCost(ms);
    };
    settle(2); // a cheap repaint: the usual pace
    expect(studio.shown.strokeGap()).toBe(STROKE_MS);
    settle(30); // 2,000 curves rasterised in software
    expect(studio.shown.strokeGap()).toBeGreaterThan(2 * STROKE_MS);
    const ids = Array.from({ length: BIG }, (_, i) => `e${i}`);
    const first = new Float64Array(ids.length).fill(1);
    studio.shown.show(ids, first, 10_000, true);
    studio.shown.show(ids, new Float64Array(ids.length).fill(2), 10_000 + 2 * STROKE_MS, true);
    expect(studio.shown.strokes.getState().strokes).toBe(first);
    const later = new Float64Array(ids.length).fill(3);
    studio.shown.show(ids, later, 10_000 + studio.shown.strokeGap() + 1, true);
    expect(studio.shown.strokes.getState().strokes).toBe(later);
    settle(1000); // however slow, the strokes still follow
    expect(studio.shown.strokeGap()).toBe(STROKE_MAX_MS);
    settle(0);
  });

  it('a big graph’s weights between two stroke updates do not notify what follows the strokes', () => {
    const ids = Array.from({ length: BIG }, (_, i) => `e${i}`);
    studio.shown.show(ids, new Float64Array(ids.length).fill(1), 0, true);
    let strokeNotes = 0;
    let weightNotes = 0;
    const offStrokes = studio.shown.strokes.subscribe(() => strokeNotes++);
    const offWeights = studio.shown.subscribe(() => weightNotes++);
    for (let t = 1; t < 10; t++) studio.shown.show(ids, new Float64Array(ids.length).fill(t), (t * STROKE_MS) / 20, true);
    offStrokes();
    offWeights();
    expect(weightNotes).toBe(9);
    expect(strokeNotes).toBe(0);
  });
});
