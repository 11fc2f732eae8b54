import { afterEach, describe, expect, it } from 'vitest';
import { trace } from '../../../src/engine';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { computeLive } from '../../../src/renderer/src/live/computeLive';
import { setWeightsIn } from '../../../src/renderer/src/store/docEdits';
import {
  clearShownWeights,
  showWeights,
  shownWeightsFor,
  useShownStrokes,
  useShownWeights,
  noteStrokeCost,
  strokeGap,
  STROKE_EDGES,
  STROKE_MAX_MS,
  STROKE_MS,
} from '../../../src/renderer/src/live/shownWeights';

afterEach(clearShownWeights);

describe('shown weights (training at screen rate, ahead of the document)', () => {
  it('live values follow the shown weights exactly as if the document held them', () => {
    const doc = tutorial251();
    const trained = doc.edges.map((e, i) => e.weight * 0.5 + (i % 3) * 0.25 - 0.1);
    const ids = doc.edges.map((e) => e.id);
    showWeights(ids, Float64Array.from(trained));
    const live = computeLive(doc, 3)!;
    const asDoc = trace(setWeightsIn(doc, Object.fromEntries(ids.map((id, i) => [id, trained[i]]))), 3);
    expect(live.error).toBe(asDoc.error);
    for (const [id, e] of Object.entries(asDoc.edges)) expect(live.edges[id].grad).toBe(e.grad);
  });

  it('once cleared, live values are the document’s again', () => {
    const doc = tutorial251();
    showWeights(doc.edges.map((e) => e.id), new Float64Array(doc.edges.length).fill(2));
    clearShownWeights();
    expect(computeLive(doc, 0)!.error).toBe(trace(doc, 0).error);
  });

  it('is ignored by a net of another size (a snapshot of an older topology)', () => {
    const doc = tutorial251();
    showWeights(['a', 'b'], Float64Array.of(1, 2));
    expect(shownWeightsFor(doc.edges.length)).toBeNull();
    expect(computeLive(doc, 0)!.error).toBe(trace(doc, 0).error);
  });

  it('keeps one index per id list, so edges look their weight up by id', () => {
    const ids = ['e1', 'e2', 'e3'];
    showWeights(ids, Float64Array.of(1, 2, 3));
    const first = useShownWeights.getState().index;
    showWeights(ids, Float64Array.of(4, 5, 6));
    const { index, weights } = useShownWeights.getState();
    expect(index).toBe(first);
    expect(weights![index!.get('e2')!]).toBe(5);
  });

  it('strokes follow every snapshot of a small graph, and a big graph’s at most every STROKE_MS', () => {
    const small = ['a', 'b'];
    showWeights(small, Float64Array.of(1, 2), 0);
    showWeights(small, Float64Array.of(3, 4), 1);
    expect(useShownStrokes.getState().strokes).toEqual(Float64Array.of(3, 4));
    const ids = Array.from({ length: STROKE_EDGES + 1 }, (_, i) => `e${i}`);
    const first = new Float64Array(ids.length).fill(1);
    showWeights(ids, first, 1000);
    showWeights(ids, new Float64Array(ids.length).fill(2), 1000 + STROKE_MS / 2);
    expect(useShownStrokes.getState().strokes).toBe(first);
    expect(useShownWeights.getState().weights![0]).toBe(2);
    const later = new Float64Array(ids.length).fill(3);
    showWeights(ids, later, 1000 + STROKE_MS);
    expect(useShownStrokes.getState().strokes).toBe(later);
    clearShownWeights();
    expect(useShownStrokes.getState().strokes).toBeNull();
    expect(useShownWeights.getState().weights).toBeNull();
  });

  it('a big graph’s strokes wait longer when repainting the edge canvas costs a frame more', () => {
    const settle = (ms: number) => {
      for (let i = 0; i < 60; i++) noteStrokeCost(ms);
    };
    settle(2); // a cheap repaint: the usual pace
    expect(strokeGap()).toBe(STROKE_MS);
    settle(30); // 2,000 curves rasterised in software
    expect(strokeGap()).toBeGreaterThan(2 * STROKE_MS);
    const ids = Array.from({ length: STROKE_EDGES + 1 }, (_, i) => `e${i}`);
    const first = new Float64Array(ids.length).fill(1);
    showWeights(ids, first, 10_000);
    showWeights(ids, new Float64Array(ids.length).fill(2), 10_000 + 2 * STROKE_MS);
    expect(useShownStrokes.getState().strokes).toBe(first);
    const later = new Float64Array(ids.length).fill(3);
    showWeights(ids, later, 10_000 + strokeGap() + 1);
    expect(useShownStrokes.getState().strokes).toBe(later);
    settle(1000); // however slow, the strokes still follow
    expect(strokeGap()).toBe(STROKE_MAX_MS);
    settle(0);
  });

  it('a big graph’s weights between two stroke updates do not notify what follows the strokes', () => {
    const ids = Array.from({ length: STROKE_EDGES + 1 }, (_, i) => `e${i}`);
    showWeights(ids, new Float64Array(ids.length).fill(1), 0);
    let strokeNotes = 0;
    let weightNotes = 0;
    const offStrokes = useShownStrokes.subscribe(() => strokeNotes++);
    const offWeights = useShownWeights.subscribe(() => weightNotes++);
    for (let t = 1; t < 10; t++) showWeights(ids, new Float64Array(ids.length).fill(t), (t * STROKE_MS) / 20);
    offStrokes();
    offWeights();
    expect(weightNotes).toBe(9);
    expect(strokeNotes).toBe(0);
  });
});

describe('how often training refreshes the annotations', () => {
  it('every snapshot when a refresh is cheap, else a multiple of its cost up to a quarter second', async () => {
    const { trainingRefreshGap } = await import('../../../src/renderer/src/live/useLiveValues');
    expect(trainingRefreshGap(0.5)).toBe(0);
    expect(trainingRefreshGap(5)).toBeGreaterThan(16);
    expect(trainingRefreshGap(5)).toBeLessThan(250);
    expect(trainingRefreshGap(100)).toBe(250);
  });
});
