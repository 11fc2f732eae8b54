import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../../src/engine';
import { createLayout, needsLayout } from '../../../src/renderer/src/layout/layoutService';
import { createLayoutHost } from '../../../src/renderer/src/worker/layoutHost';
import { createPositioner } from '../../../src/renderer/src/layout/positions';
import type { FromLayoutWorker, ToLayoutWorker } from '../../../src/renderer/src/layout/layoutProtocol';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import { isCrowded } from '../../../src/renderer/src/layout/nodeBoxes';
import { skipDoc } from '../../../src/renderer/src/templates/skip';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import { bigGraph } from './bigGraph';

const onPage = () => createLayout({ worker: () => null, now: () => 0, setTimeout: () => 0 as never });

/** a worker the test answers itself: it records requests and whether it was ended */
function scriptedWorker() {
  const sent: ToLayoutWorker[] = [];
  const worker = { terminated: false, sent };
  const port: WorkerPort<unknown, unknown> = {
    postMessage: (m) => void sent.push(m as ToLayoutWorker),
    terminate: () => void (worker.terminated = true),
    onmessage: null,
    onerror: null,
  };
  return Object.assign(worker, {
    port,
    reply: (r: FromLayoutWorker) => port.onmessage?.({ data: r } as MessageEvent),
    fail: () => port.onerror?.({ message: 'boom' } as ErrorEvent),
  });
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('automatic layout', () => {
  it('places the graph left to right: sources, then hidden neurons, then the output', async () => {
    const doc = skipDoc({ examples: [] });
    const p = (await onPage().positions(doc))!;
    expect(Object.keys(p).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const src of ['in_1', 'in_x', 'in_y']) expect(p[src].x).toBeLessThan(p['1'].x);
    expect(p['1'].x).toBeLessThan(p['2'].x);
    expect(p['2'].x).toBeLessThan(p['3'].x);
  });

  it('lays out a file without positions, and one whose nodes cover each other', async () => {
    const tutorial = tutorial251();
    expect(isCrowded(tutorial)).toBe(true); // its rows are 60 apart, our neurons are taller
    const unplaced = { ...tutorial, nodes: tutorial.nodes.map(({ position: _, ...n }) => n) };
    expect(needsLayout(unplaced)).toBe(true);
    const placed = (await onPage().laidOut(unplaced))!;
    expect(placed.nodes.every((n) => n.position && Number.isFinite(n.position.x))).toBe(true);
    expect(needsLayout(placed)).toBe(false);
    expect(placed.edges).toBe(unplaced.edges);
  });

  it('keeps the document’s order within a layer, top to bottom: 1, 2, 3, 4, 5', async () => {
    const tutorial = tutorial251();
    const hidden = ['1', '2', '3', '4', '5'];
    const scrambled = [200, 0, 400, 100, 300]; // neurons dragged about: the layout tidies them into 1…5
    const moved = { ...tutorial, nodes: tutorial.nodes.map((n) => (hidden.includes(n.id) ? { ...n, position: { x: 250, y: scrambled[hidden.indexOf(n.id)] } } : n)) };
    for (const doc of [tutorial, moved, { ...tutorial, nodes: tutorial.nodes.map(({ position: _, ...n }) => n) }]) {
      const p = (await onPage().positions(doc))!;
      const ys = hidden.map((id) => p[id].y);
      expect(ys, JSON.stringify(ys)).toEqual([...ys].sort((a, b) => a - b));
      expect(p.in_1.y).toBeLessThan(p.in_x.y);
      expect(p.in_x.y).toBeLessThan(p.in_y.y);
    }
  });

  it('lays out a 2,000-node / 10,000-edge graph in seconds, not minutes (the fast layered layout)', async () => {
    const doc = bigGraph(2000, 10000);
    const layout = onPage();
    const t = performance.now();
    const placed = (await layout.laidOut(doc))!;
    expect(performance.now() - t).toBeLessThan(5000);
    expect(needsLayout(placed)).toBe(false);
  });

  it('runs in the layout worker, shows what it is doing, and gives the positions back', async () => {
    const worker = scriptedWorker();
    const layout = createLayout({ worker: () => worker.port, now: () => 42, setTimeout: () => 0 as never });
    const doc = bigGraph(400, 2000);
    const result = layout.positions(doc);
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0].method).toBe('layered');
    expect(worker.sent[0].graph.nodes).toHaveLength(400);
    expect(layout.getState().running).toEqual({ method: 'layered', nodes: 400, edges: doc.edges.length, startedAt: 42 });
    // the worker's own logic answers the request
    worker.reply(await createLayoutHost(createPositioner()).receive(worker.sent[0]));
    const at = (await result)!;
    expect(Object.keys(at)).toHaveLength(400);
    expect(layout.getState().running).toBeNull();
  });

  it('Cancel ends the worker and leaves the document as it was', async () => {
    const worker = scriptedWorker();
    const env = fakeEnv({ layoutWorker: () => worker.port });
    const studio = testStudio({ env, initial: skipDoc({ examples: [] }) });
    const before = studio.document.getState();
    studio.document.replaceDocument(bigGraph(400, 2000), 'big');
    const edited = studio.document.getState().doc;
    const run = studio.autoLayout.run();
    expect(studio.layout.getState().running).not.toBeNull();
    studio.layout.cancel();
    await run;
    expect(worker.terminated).toBe(true);
    expect(studio.layout.getState().running).toBeNull();
    expect(studio.document.getState().doc).toBe(edited);
    expect(studio.document.getState().revision).toBe(before.revision + 1);
    // a late answer of the ended worker changes nothing
    worker.reply({ id: worker.sent[0].id, ok: true, positions: {} });
    await flush();
    expect(studio.document.getState().doc).toBe(edited);
  });

  it('a worker that fails to run hands the layout to the page', async () => {
    const worker = scriptedWorker();
    const layout = createLayout({ worker: () => worker.port, now: () => 0, setTimeout: () => 0 as never });
    const result = layout.positions(bigGraph(300, 1500));
    worker.fail();
    expect(Object.keys((await result)!)).toHaveLength(300);
  });

  it('an open waiting for its layout can be cancelled: the open document stays', async () => {
    const worker = scriptedWorker();
    const big = bigGraph(400, 2000);
    const env = fakeEnv({ layoutWorker: () => worker.port });
    const studio = testStudio({ env, initial: skipDoc({ examples: [] }) });
    const before = studio.document.getState().doc;
    const opened = studio.flows.applyOpened({ status: 'opened', text: serializeGraph(big), fileName: 'big.bpgraph.json', filePath: null });
    await expect.poll(() => studio.layout.getState().running?.nodes).toBe(400);
    studio.layout.cancel();
    expect(await opened).toBe(false);
    expect(studio.document.getState().doc).toBe(before);
    expect(studio.notices.getState().notices.map((n) => n.message).join()).toMatch(/cancelled/);
  });
});
