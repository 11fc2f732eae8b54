import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trace, type TraceNeuron } from '../../../src/engine';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const frame = async () => studio.fake.clock.frame();

beforeEach(() => {
  studio.document.loadDocument(tutorial251());
  studio.liveValues.start();
});
afterEach(() => studio.liveValues.stop());

describe('live values', () => {
  it('start with example 0 and publish its trace', () => {
    expect(studio.live.getState().exampleIndex).toBe(0);
    const t = trace(studio.document.getState().doc, 0);
    expect(studio.live.getState().nodes['3'].z).toBe(t.nodes['3'].z);
    expect(studio.live.getState().error).toBe(t.error);
  });

  it('follow the example in hand and new weights at the next frame, leaving unchanged records alone', async () => {
    const before = studio.live.getState().nodes;
    studio.live.setState({ exampleIndex: 5 });
    await frame();
    expect(studio.live.getState().nodes['6'].z).toBe(trace(studio.document.getState().doc, 5).nodes['6'].z);
    const bias = studio.live.getState().nodes['in_1'];
    expect(bias).toBe(before['in_1']); // z = 1 again: same object, so its node does not re-render

    studio.document.setEdgeWeight('1->6', 4);
    await frame();
    const t = trace(studio.document.getState().doc, 5);
    expect(studio.live.getState().nodes['6'].s).toBe((t.nodes['6'] as TraceNeuron).s);
  });

  it('keep the example in hand in range when examples are removed', async () => {
    const n = studio.document.getState().doc.dataset.examples.length;
    studio.live.setState({ exampleIndex: n - 1 });
    await frame();
    studio.document.removeExample(n - 1);
    await frame();
    expect(studio.live.getState().exampleIndex).toBe(n - 2);
  });
});
