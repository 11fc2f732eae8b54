// Locks compare the document before and after an edit: what each keeps fixed is refused with its
// sentence, everything else (moving nodes, training's epoch, the lesson itself) goes through.

import { describe, expect, it } from 'vitest';
import { lockRefusal, type GraphDoc } from '../../../src/engine';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

const doc: GraphDoc = loadFixture(TWO_FIVE_ONE);
const ALL = ['topology', 'weights', 'training', 'data'] as const;

describe('lockRefusal', () => {
  it.each<[string, GraphDoc, (typeof ALL)[number], RegExp]>([
    ['deleting an edge', { ...doc, edges: doc.edges.slice(1) }, 'topology', /keeps the topology fixed/],
    ['another activation', { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, activation: 'tanh' as const } : n)) }, 'topology', /topology/],
    ['switching an edge off', { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, off: true } : e)) }, 'topology', /topology/],
    ['a weight set by hand', { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, weight: 9 } : e)) }, 'weights', /keeps the weights fixed/],
    ['another η', { ...doc, training: { ...doc.training, learningRate: 3 } }, 'training', /keeps the training settings fixed/],
    ['a point moved', { ...doc, dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i === 0 ? { ...ex, x: [0, 0] } : ex)) } }, 'data', /keeps the data fixed/],
  ])('refuses %s under its lock, and only under it', (_what, after, lock, sentence) => {
    expect(lockRefusal([lock], doc, after)).toMatch(sentence);
    expect(lockRefusal(ALL.filter((l) => l !== lock), doc, after)).toBeNull();
  });

  it('lets through what no lock covers', () => {
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })) };
    const relabelled = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, label: `n ${n.id}` })) };
    const epoch = { ...doc, training: { ...doc.training, epoch: 40 } };
    const lesson = { ...doc, lesson: { title: 't', steps: [{ text: 'x', goal: { kind: 'read' as const } }] } };
    for (const after of [moved, relabelled, epoch, lesson, doc]) expect(lockRefusal(ALL, doc, after)).toBeNull();
  });
});
