// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, readPass, trace, type GraphDoc } from '../../../src/engine';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { setWeightsIn } from '../../../src/renderer/src/store/docEdits';
import type { EdgeLive, NodeLive } from '../../../src/renderer/src/store/live';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

const reweighted = (doc: GraphDoc, f: (w: number, i: number) => number): GraphDoc => ({
  ...doc,
  edges: doc.edges.map((e, i) => ({ ...e, weight: f(e.weight, i) })),
});

describe('the compiled-net cache', () => {
  it('compiles once per math and copies each document’s weights into the same net', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    const net = cache.netFor(doc)!;
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 1, y: 1 } })) };
    const trained = reweighted(moved, (w) => w * 2);
    expect(cache.netFor(trained)).toBe(net);
    expect(Array.from(net.weights)).toEqual(trained.edges.map((e) => e.weight));
  });

  it('its passes equal a fresh compile of the document (the trace), weights changed or not', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    cache.netFor(doc);
    const trained = reweighted(doc, (w, i) => w * 0.5 + (i % 3) * 0.25);
    const pass = readPass(cache.netFor(trained)!, trained.dataset.examples[2]);
    const fresh = trace(trained, 2);
    expect(pass.error).toBe(fresh.error);
    for (const e of pass.edges) expect(e.grad).toBe(fresh.edges[e.id].grad);
  });

  it('holds the given weights when there is one per edge (training’s shown weights), else the document’s', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    const shown = Float64Array.from(doc.edges, (_, i) => i / 10);
    expect(Array.from(cache.netFor(doc, shown)!.weights)).toEqual(Array.from(shown));
    const live = readPass(cache.netFor(doc, shown)!, doc.dataset.examples[1]);
    const asDoc = trace(setWeightsIn(doc, Object.fromEntries(doc.edges.map((e, i) => [e.id, shown[i]]))), 1);
    expect(live.error).toBe(asDoc.error);
    // an older topology's snapshot (another edge count) is not this net's
    expect(Array.from(cache.netFor(doc, Float64Array.of(1, 2))!.weights)).toEqual(doc.edges.map((e) => e.weight));
  });

  it('compiles again when the math changes: an activation, an edge, the examples’ shape', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    const first = cache.netFor(doc)!;
    const tanh = { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'tanh' as const } : n)) };
    const second = cache.netFor(tanh)!;
    expect(second).not.toBe(first);
    expect(cache.netFor({ ...tanh, edges: tanh.edges.slice(1) })!.numEdges).toBe(doc.edges.length - 1);
    const again = cache.netFor(doc)!;
    const wider = doc.dataset.examples.map((ex) => ({ ...ex, x: [...ex.x, 0] }));
    expect(cache.netFor({ ...doc, dataset: { ...doc.dataset, examples: wider } })).not.toBe(again);
  });

  it('gives null for a document that breaks a graph rule, and a net again once it is fixed', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    const [a, b] = doc.nodes.filter((n) => n.type === 'neuron');
    const loop = { ...doc, edges: [...doc.edges, { id: 'back', source: b.id, target: a.id, weight: 1 }, { id: 'fwd', source: a.id, target: b.id, weight: 1 }] };
    expect(cache.netFor(loop)).toBeNull();
    expect(cache.netFor(doc)).not.toBeNull();
  });

  it('keeps no state between caches', () => {
    const doc = tutorial251();
    const net = createNetCache().user().netFor(doc)!;
    expect(createNetCache().user().netFor(doc)).not.toBe(net);
  });

  it('compiles once for all its users, each with weights and pass values of its own', () => {
    const nets = createNetCache();
    const live = nets.user();
    const maps = nets.user();
    const doc = tutorial251();
    const shown = Float64Array.from(doc.edges, (_, i) => (i % 4) / 4 - 0.3);
    const a = live.netFor(doc)!;
    const b = maps.netFor(doc, shown)!;
    expect(nets.compiles()).toBe(1);
    expect(b).not.toBe(a);
    expect(Array.from(a.weights)).toEqual(doc.edges.map((e) => e.weight));
    const before = readPass(a, doc.dataset.examples[1]);
    readPass(b, doc.dataset.examples[3]);
    expect(readPass(a, doc.dataset.examples[1])).toEqual(before);
    expect(before.error).toBe(trace(doc, 1).error);
    live.netFor({ ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'tanh' as const } : n)) });
    expect(nets.compiles()).toBe(2);
  });

  it('holds the document’s velocities (momentum’s update reads them)', () => {
    const cache = createNetCache().user();
    const doc = tutorial251();
    cache.netFor(doc);
    const moving = { ...doc, edges: doc.edges.map((e, i) => ({ ...e, velocity: i / 100 })) };
    expect(Array.from(cache.netFor(moving)!.velocity)).toEqual(moving.edges.map((e) => e.velocity));
  });

  it('a readout’s records are what the canvas keeps by id (the same shape)', () => {
    const doc = tutorial251();
    const pass = readPass(createNetCache().user().netFor(doc)!, doc.dataset.examples[0]);
    const nodes: Record<string, NodeLive> = byId(pass.nodes);
    const edges: Record<string, EdgeLive> = byId(pass.edges);
    const neuron = doc.nodes.find((n) => n.type === 'neuron')!;
    expect(nodes[neuron.id].dhds).toHaveLength(1);
    expect(edges[doc.edges[0].id].grad).toBe(trace(doc, 0).edges[doc.edges[0].id].grad);
  });
});

describe('the studio’s one compile', () => {
  it('a document opened and stepped through is compiled once for the live values, the maps, the lessons and the step-through', async () => {
    const { testStudio } = await import('./fakeEnv');
    const studio = testStudio();
    studio.start();
    studio.document.loadDocument(tutorial251());
    await studio.fake.clock.frame();
    studio.steps.startStepping();
    studio.steps.runToEnd();
    await studio.fake.clock.frame();
    expect(studio.nets.compiles()).toBe(1);
    studio.stop();
  });
});
