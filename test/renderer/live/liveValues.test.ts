// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trace, type TraceNeuron } from '../../../src/engine';
import { loadDocument, removeExample, setEdgeWeight, useDocument } from '../../../src/renderer/src/store/document';
import { useLive } from '../../../src/renderer/src/store/live';
import { startLiveValues } from '../../../src/renderer/src/live/useLiveValues';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
let stop: () => void = () => {};

beforeEach(() => {
  useLive.setState({ exampleIndex: null, nodes: {}, edges: {}, outputs: [], error: null, reveal: null });
  loadDocument(tutorial251());
  stop = startLiveValues();
});
afterEach(() => stop());

describe('live values', () => {
  it('start with example 0 and publish its trace', () => {
    expect(useLive.getState().exampleIndex).toBe(0);
    const t = trace(useDocument.getState().doc, 0);
    expect(useLive.getState().nodes['3'].z).toBe(t.nodes['3'].z);
    expect(useLive.getState().error).toBe(t.error);
  });

  it('follow the example in hand and new weights at the next frame, leaving unchanged records alone', async () => {
    const before = useLive.getState().nodes;
    useLive.setState({ exampleIndex: 5 });
    await frame();
    expect(useLive.getState().nodes['6'].z).toBe(trace(useDocument.getState().doc, 5).nodes['6'].z);
    const bias = useLive.getState().nodes['in_1'];
    expect(bias).toBe(before['in_1']); // z = 1 again: same object, so its node does not re-render

    setEdgeWeight('1->6', 4);
    await frame();
    const t = trace(useDocument.getState().doc, 5);
    expect(useLive.getState().nodes['6'].s).toBe((t.nodes['6'] as TraceNeuron).s);
  });

  it('keep the example in hand in range when examples are removed', async () => {
    const n = useDocument.getState().doc.dataset.examples.length;
    useLive.setState({ exampleIndex: n - 1 });
    await frame();
    removeExample(n - 1);
    await frame();
    expect(useLive.getState().exampleIndex).toBe(n - 2);
  });
});
