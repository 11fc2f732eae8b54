import { describe, expect, it } from 'vitest';
import { compile, forward, validateGraph, type Dataset } from '../../../src/engine';
import { layeredDoc, parseLayerSpec } from '../../../src/renderer/src/templates/layered';
import { TEMPLATES } from '../../../src/renderer/src/templates/catalog';
import { emptyDocument } from '../../../src/renderer/src/store/document';

const sizesOf = (spec: string) => {
  const r = parseLayerSpec(spec);
  if (!r.ok) throw new Error(r.reason);
  return r.sizes;
};

describe('parseLayerSpec', () => {
  it('reads sizes separated by dashes, spaces or x', () => {
    expect(parseLayerSpec('2-5-3-1')).toEqual({ ok: true, sizes: [2, 5, 3, 1] });
    expect(parseLayerSpec(' 2 x 4 , 1 ')).toEqual({ ok: true, sizes: [2, 4, 1] });
  });
  it('refuses what is not a network, saying why', () => {
    expect(parseLayerSpec('3')).toMatchObject({ ok: false, reason: expect.stringContaining('at least') });
    expect(parseLayerSpec('2-0-1')).toMatchObject({ ok: false, reason: expect.stringContaining("'0'") });
    expect(parseLayerSpec('2-a-1')).toMatchObject({ ok: false });
    expect(parseLayerSpec('2-1.5-1')).toMatchObject({ ok: false });
  });
});

describe('layeredDoc', () => {
  it('builds 2-5-3-1: full connections between consecutive layers and a bias into every neuron', () => {
    const doc = layeredDoc(sizesOf('2-5-3-1'));
    expect(validateGraph(doc)).toEqual([]);
    const neurons = doc.nodes.filter((n) => n.type === 'neuron');
    expect(neurons).toHaveLength(9);
    expect(doc.nodes.filter((n) => n.type === 'input').map((n) => n.id)).toEqual(['in_x', 'in_y']);
    // (2+1)·5 + (5+1)·3 + (3+1)·1
    expect(doc.edges).toHaveLength(15 + 18 + 4);
    for (const n of neurons) expect(doc.edges.some((e) => e.source === 'in_1' && e.target === n.id)).toBe(true);
    expect(neurons.filter((n) => n.type === 'neuron' && n.output !== undefined).map((n) => n.id)).toEqual(['9']);
    // no edge skips a layer in a layered net
    expect(doc.edges.some((e) => e.source === 'in_x' && e.target === '6')).toBe(false);
    expect(doc.edges.some((e) => e.source === '1' && e.target === '6')).toBe(true);
  });

  it('gives every output an index in order and fresh weights from the seed', () => {
    const a = layeredDoc([3, 2], { seed: 7 });
    const b = layeredDoc([3, 2], { seed: 7 });
    const c = layeredDoc([3, 2], { seed: 8 });
    expect(a.nodes.filter((n) => n.type === 'neuron').map((n) => (n.type === 'neuron' ? n.output : -1))).toEqual([0, 1]);
    expect(a.edges.map((e) => e.weight)).toEqual(b.edges.map((e) => e.weight));
    expect(a.edges.map((e) => e.weight)).not.toEqual(c.edges.map((e) => e.weight));
    expect(a.dataset.features).toEqual(['x0', 'x1', 'x2']);
    expect(a.dataset.targets).toEqual(['y0', 'y1']);
  });

  it('keeps the current points when their columns fit, and drops them when they do not', () => {
    const points: Dataset = { features: ['x', 'y'], targets: ['class'], examples: [{ x: [0.1, 0.2], y: [1] }] };
    expect(layeredDoc([2, 4, 1], { dataset: points }).dataset).toBe(points);
    expect(layeredDoc([3, 1], { dataset: points }).dataset.examples).toEqual([]);
  });

  it('places layers in columns without overlapping nodes', () => {
    const doc = layeredDoc([2, 5, 1]);
    const spots = doc.nodes.map((n) => `${n.position!.x},${n.position!.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});

describe('templates', () => {
  it('each builds a valid document that compiles and runs', () => {
    for (const t of TEMPLATES) {
      const doc = t.build(emptyDocument());
      expect(validateGraph(doc), t.name).toEqual([]);
      const net = compile(doc);
      forward(net, doc.dataset.examples[0]?.x ?? [0, 0]);
      expect(Array.from(net.z).every(Number.isFinite), t.name).toBe(true);
    }
  });

  it('the skip-connection template has edges no layered net has', () => {
    const doc = TEMPLATES.find((t) => t.id === 'skip')!.build(emptyDocument());
    expect(doc.edges.some((e) => e.source === 'in_x' && e.target === '3')).toBe(true);
    expect(doc.edges.some((e) => e.source === '1' && e.target === '3')).toBe(true);
  });
});
