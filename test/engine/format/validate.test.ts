import { describe, expect, it } from 'vitest';
import { validateGraph, type GraphDoc } from '../../../src/engine';
import { edge, loadFixture, makeDoc, TWO_FIVE_ONE } from '../helpers';

const base = (): GraphDoc =>
  makeDoc(
    [
      { id: 'b', type: 'bias' },
      { id: 'i', type: 'input', feature: 0 },
      { id: 'h', type: 'neuron', activation: 'tanh' },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    [edge('b', 'h'), edge('i', 'h'), edge('h', 'o')],
    [{ x: [0.5], y: [1] }],
  );

describe('validateGraph', () => {
  it('accepts the tutorial documents', () => {
    expect(validateGraph(loadFixture(TWO_FIVE_ONE))).toEqual([]);
    expect(validateGraph(base())).toEqual([]);
  });

  it('reports each broken rule with a code, a path and a readable message', () => {
    const cases: [string, (d: GraphDoc) => void, string, (string | number)[], RegExp][] = [
      ['duplicate node id', (d) => d.nodes.push({ id: 'h', type: 'bias' }), 'duplicate-id', ['nodes', 4, 'id'], /node id 'h' is used twice/],
      ['duplicate edge id', (d) => d.edges.push(edge('b', 'o', 1, 'b->h')), 'duplicate-id', ['edges', 3, 'id'], /edge id 'b->h'/],
      ['dangling target', (d) => d.edges.push(edge('h', 'ghost', 1, 'e7')), 'dangling-edge', ['edges', 3, 'target'], /^edge 'e7' points to node 'ghost', which does not exist$/],
      ['dangling source', (d) => d.edges.push(edge('ghost', 'o', 1, 'e7')), 'dangling-edge', ['edges', 3, 'source'], /starts at node 'ghost'/],
      ['self-loop', (d) => d.edges.push(edge('h', 'h')), 'self-loop', ['edges', 3], /cannot connect to itself/],
      ['duplicate edge', (d) => d.edges.push(edge('h', 'o', 1, 'again')), 'duplicate-edge', ['edges', 3], /'again' repeats edge 'h->o'/],
      ['edge into input', (d) => d.edges.push(edge('h', 'i')), 'edge-into-source', ['edges', 3], /an input takes no incoming edges/],
      ['edge into bias', (d) => d.edges.push(edge('h', 'b')), 'edge-into-source', ['edges', 3], /bias node takes no incoming/],
      ['2-cycle', (d) => d.edges.push(edge('o', 'h')), 'cycle', ['edges', 2], /^cycle: h → o → h$/],
      ['non-finite weight', (d) => (d.edges[1].weight = Infinity), 'non-finite', ['edges', 1, 'weight'], /Infinity is not a finite number/],
      ['NaN input', (d) => (d.dataset.examples[0].x[0] = NaN), 'non-finite', ['dataset', 'examples', 0, 'x', 0], /NaN/],
      ['feature out of range', (d) => ((d.nodes[1] as { feature: number }).feature = 1), 'feature-index', ['nodes', 1, 'feature'], /input 'i' reads feature 1/],
      ['output out of range', (d) => ((d.nodes[2] as { output?: number }).output = 1), 'output-index', ['nodes', 2, 'output'], /output 'h' has index 1, but the examples have only 1 value\(s\) in y/],
      ['duplicate output index', (d) => ((d.nodes[2] as { output?: number }).output = 0), 'output-index', ['nodes', 3, 'output'], /output index 0 is used by both 'h' and 'o'/],
      ['ragged examples', (d) => d.dataset.examples.push({ x: [1, 2], y: [1] }), 'dataset-shape', ['dataset', 'examples', 1, 'x'], /example 1 has 2 values in x/],
      ['feature names', (d) => (d.dataset.features = ['a', 'b']), 'dataset-shape', ['dataset', 'features'], /2 feature names for 1/],
    ];
    for (const [name, breakIt, code, path, message] of cases) {
      const doc = base();
      breakIt(doc);
      const issues = validateGraph(doc);
      expect(issues.length, name).toBeGreaterThan(0);
      expect(issues[0].code, name).toBe(code);
      expect(issues[0].path, name).toEqual(path);
      expect(issues[0].message, name).toMatch(message);
    }
  });

  it('reports a long cycle with every node on it', () => {
    const nodes = base().nodes.concat(
      Array.from({ length: 5 }, (_, k) => ({ id: `c${k}`, type: 'neuron' as const, activation: 'relu' as const })),
    );
    const edges = [0, 1, 2, 3, 4].map((k) => edge(`c${k}`, `c${(k + 1) % 5}`));
    const issues = validateGraph({ ...base(), nodes, edges: [...base().edges, ...edges] });
    expect(issues.map((i) => i.message)).toEqual(['cycle: c0 → c1 → c2 → c3 → c4 → c0']);
  });

  it('a gap in the output indices names the missing index', () => {
    const doc = base();
    (doc.nodes[3] as { output?: number }).output = 1;
    (doc.nodes[2] as { output?: number }).output = 2;
    doc.dataset.examples[0].y = [1, 1, 1];
    expect(validateGraph(doc).map((i) => i.message)).toEqual(['output indices must run 0..1 without gaps, but no neuron has output 0']);
  });

  it('ids such as "__proto__" are ordinary values', () => {
    const doc = makeDoc(
      [
        { id: '__proto__', type: 'input', feature: 0 },
        { id: 'constructor', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      [edge('__proto__', 'constructor', 1, 'prototype')],
      [{ x: [1], y: [1] }],
    );
    expect(validateGraph(doc)).toEqual([]);
  });
});
