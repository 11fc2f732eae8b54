import { beforeEach, describe, expect, it } from 'vitest';
import { forward, compile } from '../../../src/engine';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import type { FromMapWorker, ToMapWorker } from '../../../src/renderer/src/data/mapProtocol';
import { GRID } from '../../../src/renderer/src/data/maps';
import { cellCentre } from '../../../src/renderer/src/data/plotMapping';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import { layeredDoc } from '../training/fixtures';

// The maps follow the document and training's weights: on the page a slice per frame, or in the
// map worker within its share of the time.

const doc = layeredDoc([3], { count: 6 });

describe('map passes on the page (no worker)', () => {
  let studio = testStudio();
  beforeEach(() => {
    studio = testStudio({ initial: doc });
    studio.mapScheduler.start();
  });
  const frames = (n = 50) => {
    for (let i = 0; i < n; i++) studio.fake.clock.frame();
  };

  it('paints every node’s z over the full grid, the engine’s numbers cell by cell', () => {
    frames();
    const { spec, values } = studio.maps.getState();
    expect(spec?.cols).toBe(GRID);
    const net = compile(doc);
    const k = net.nodeIds.indexOf('out');
    for (const cell of [0, 4321, GRID * GRID - 1]) {
      const c = cellCentre(cell % GRID, Math.floor(cell / GRID), spec!.cols, spec!.rows, spec!.domain);
      forward(net, [c.x, c.y]);
      expect(values.out[cell]).toBe(Math.fround(net.z[k]));
    }
  });

  it('repaints when the weights change, not when a node moves', () => {
    frames();
    const first = studio.maps.getState().values;
    studio.document.moveNodes({ out: { x: 900, y: 0 } });
    frames();
    expect(studio.maps.getState().values).toBe(first);
    studio.document.setEdgeWeight(doc.edges[0].id, 3);
    frames();
    expect(studio.maps.getState().values).not.toBe(first);
  });

  it('shows no maps for a graph the engine refuses', () => {
    frames();
    studio.document.updateNodes(['out'], { output: null });
    studio.document.updateNodes(['h0_0'], { output: null });
    const broken = { ...studio.document.getState().doc };
    broken.nodes = broken.nodes.map((n) => (n.id === 'in_x' && n.type === 'input' ? { ...n, feature: 9 } : n));
    studio.document.replaceDocument(broken, 'break it');
    frames();
    expect(studio.maps.getState().spec).toBeNull();
  });

  it('stops following once stopped', () => {
    frames();
    studio.mapScheduler.stop();
    const first = studio.maps.getState().values;
    studio.document.setEdgeWeight(doc.edges[0].id, -3);
    frames();
    expect(studio.maps.getState().values).toBe(first);
  });
});

function scriptedMapWorker() {
  const sent: ToMapWorker[] = [];
  const port: WorkerPort<ToMapWorker, FromMapWorker> = {
    postMessage: (m) => void sent.push(m),
    terminate: () => undefined,
    onmessage: null,
    onerror: null,
  };
  const answer = (m: ToMapWorker, ms: number) =>
    port.onmessage?.({ data: { id: m.id, ok: true, nodeIds: ['out'], values: [new Float32Array(m.spec.cols * m.spec.rows)], ms } } as unknown as MessageEvent<FromMapWorker>);
  return { port, sent, answer };
}

describe('map passes in the worker', () => {
  let worker = scriptedMapWorker();
  let studio = testStudio();
  beforeEach(() => {
    worker = scriptedMapWorker();
    studio = testStudio({ env: fakeEnv({ mapWorker: () => worker.port as WorkerPort<unknown, unknown> }), initial: doc });
    studio.mapScheduler.start();
    studio.fake.clock.frame(); // the worker starts at the first frame
  });

  it('sends the network once, then only weights, and publishes what comes back', () => {
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0].doc).not.toBeNull();
    worker.answer(worker.sent[0], 1);
    expect(studio.maps.getState().values.out).toHaveLength(GRID * GRID);
    studio.fake.clock.advance(100);
    studio.document.setEdgeWeight(doc.edges[0].id, 2);
    expect(worker.sent).toHaveLength(2);
    expect(worker.sent[1].doc).toBeNull();
    expect(worker.sent[1].weights[0]).toBe(2);
  });

  it('keeps at most two requests on their way, and starts passes at least 20 ms apart', () => {
    const edit = (w: number) => studio.document.setEdgeWeight(doc.edges[0].id, w);
    edit(1); // within 20 ms of the first: waits
    expect(worker.sent).toHaveLength(1);
    studio.fake.clock.advance(20);
    expect(worker.sent).toHaveLength(2);
    edit(2);
    studio.fake.clock.advance(100);
    expect(worker.sent).toHaveLength(2); // two unanswered: the next waits for a reply
    worker.answer(worker.sent[0], 1);
    expect(worker.sent).toHaveLength(3);
  });

  it('rests the worker twice a pass’s time after each pass', () => {
    worker.answer(worker.sent[0], 30); // a 30 ms pass: the next may start 90 ms after it was asked for
    studio.document.setEdgeWeight(doc.edges[0].id, 1);
    studio.fake.clock.advance(89);
    expect(worker.sent).toHaveLength(1);
    studio.fake.clock.advance(1);
    expect(worker.sent).toHaveLength(2);
  });

  it('draws training’s shown weights, fresher than the document’s', () => {
    worker.answer(worker.sent[0], 1);
    studio.fake.clock.advance(50);
    const running = new Float64Array(doc.edges.length).fill(0.75);
    studio.shown.show(doc.edges.map((e) => e.id), running, studio.fake.clock.now());
    expect(worker.sent.at(-1)!.weights[0]).toBe(0.75);
  });

  it('computes on the page from then on when the worker breaks', () => {
    worker.port.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    for (let i = 0; i < 50; i++) studio.fake.clock.frame();
    expect(studio.maps.getState().values.h0_0).toHaveLength(GRID * GRID);
  });
});
