// Big and deep graphs: no recursion anywhere, reasonable time.

import { describe, expect, it } from 'vitest';
import { compile, DEFAULT_TRAINING, evaluate, MAX_FILE_BYTES, parseGraph, serializeGraph, trace, trainEpochs, writeGraph, type GraphDoc } from '../../src/engine';

/** bias + input → n0 → n1 → … → n(length−1), the last one the output */
function chain(length: number): GraphDoc {
  const nodes: GraphDoc['nodes'] = [
    { id: 'b', type: 'bias' },
    { id: 'x', type: 'input', feature: 0 },
  ];
  const edges: GraphDoc['edges'] = [{ id: 'x->n0', source: 'x', target: 'n0', weight: 1 }];
  for (let k = 0; k < length; k++) {
    nodes.push(k === length - 1 ? { id: `n${k}`, type: 'neuron', activation: 'linear', output: 0 } : { id: `n${k}`, type: 'neuron', activation: 'linear' });
    if (k > 0) edges.push({ id: `n${k - 1}->n${k}`, source: `n${k - 1}`, target: `n${k}`, weight: 1 });
    edges.push({ id: `b->n${k}`, source: 'b', target: `n${k}`, weight: 0 });
  }
  return { nodes: nodes.reverse(), edges, dataset: { examples: [{ x: [0.5], y: [1] }] }, training: { ...DEFAULT_TRAINING, learningRate: 1e-6 } };
}

describe('large graphs', () => {
  it('a 20,000-node chain loads, traces and trains without a stack overflow', () => {
    const text = serializeGraph(chain(20_000));
    const result = parseGraph(text);
    if (!result.ok) throw result.error;
    const t = trace(result.doc, 0);
    expect(t.outputs[0]).toBe(0.5);
    expect(t.order[0] === 'b' || t.order[0] === 'x').toBe(true);
    expect((t.nodes.n0 as { dhds: Record<string, number> }).dhds.n19999).toBe(1);
    const net = compile(result.doc);
    const run = trainEpochs(net, result.doc.dataset.examples, result.doc.training, 3);
    expect(run.divergence).toBeNull();
    expect(evaluate(net, result.doc.dataset.examples).error).toBeLessThan(0.25);
  });

  it('a 100,000-node file loads in reasonable time', () => {
    const nodes: GraphDoc['nodes'] = [{ id: 'x', type: 'input', feature: 0 }];
    const edges: GraphDoc['edges'] = [];
    for (let k = 0; k < 100_000; k++) {
      nodes.push(k === 0 ? { id: `n${k}`, type: 'neuron', activation: 'sigmoid', output: 0, position: { x: k, y: 0 } } : { id: `n${k}`, type: 'neuron', activation: 'sigmoid', position: { x: k, y: 0 } });
      edges.push({ id: `e${k}`, source: k % 2 === 0 ? 'x' : `n${k - 1}`, target: `n${k}`, weight: 0.1 });
    }
    const text = serializeGraph({ nodes, edges, dataset: { examples: [{ x: [1], y: [1] }] }, training: DEFAULT_TRAINING });
    const start = performance.now();
    const result = parseGraph(text);
    const ms = performance.now() - start;
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it('a dataset of 600,000 points (52.5 MB pretty) saves compactly within 50 MB and opens; 300,000 load in time', () => {
    const datasetDoc = (n: number): GraphDoc => ({
      nodes: [
        { id: 'x', type: 'input', feature: 0 },
        { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      edges: [{ id: 'e', source: 'x', target: 'o', weight: 1 }],
      dataset: { examples: Array.from({ length: n }, (_, i) => ({ x: [(i % 200) / 100 - 1, 0.5], y: [i % 2] })) },
      training: DEFAULT_TRAINING,
    });
    const written = writeGraph(datasetDoc(600_000));
    if (!written.ok) throw written.error;
    expect(written.text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(written.text).not.toMatch(/^\{\n/); // compact past PRETTY_MAX_CHARS
    const start = performance.now();
    const result = parseGraph(serializeGraph(datasetDoc(300_000)));
    expect(result.ok && result.doc.dataset.examples.length).toBe(300_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
