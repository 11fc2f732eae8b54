// @vitest-environment happy-dom
// The lesson runner: a document with a lesson starts it, goals are checked as the document changes,
// Next opens once a goal is met, locks refuse edits with their sentence, and leaving lifts them.

import { describe, expect, it } from 'vitest';
import { compile, trainEpochs, weightsToDoc, type GraphDoc, type Lesson } from '../../../src/engine';
import { emptyDocument } from '../../../src/renderer/src/store/document';
import type { StreakSource } from '../../../src/renderer/src/lesson/streak';
import { hiddenAttribute } from '../../../src/renderer/src/lesson/visibility';
import { testStudio } from '../studio/fakeEnv';

const LESSON: Lesson = {
  title: 'One perceptron',
  steps: [
    { text: 'Read this.', goal: { kind: 'read' } },
    { text: 'Train.', hide: ['palette', 'values'], locks: ['topology', 'training'], goal: { kind: 'error', below: 0.5 } },
    { text: 'Predict.', goal: { kind: 'streak', atLeast: 3 } },
  ],
};

/** a sigmoid perceptron on four separable points, carrying the lesson */
function perceptron(lesson: Lesson | null = LESSON): GraphDoc {
  const doc = emptyDocument();
  return {
    ...doc,
    nodes: [...doc.nodes, { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0 }],
    edges: [
      { id: 'b', source: 'in_1', target: 'out', weight: 0.1 },
      { id: 'wx', source: 'in_x', target: 'out', weight: -0.2 },
      { id: 'wy', source: 'in_y', target: 'out', weight: 0.3 },
    ],
    dataset: { ...doc.dataset, examples: [
      { x: [0.8, 0.6], y: [1] }, { x: [0.5, 0.9], y: [1] }, { x: [-0.7, -0.4], y: [0] }, { x: [-0.3, -0.8], y: [0] },
    ] },
    training: { ...doc.training, learningRate: 0.1 },
    lesson: lesson ?? undefined,
  };
}

function started(options: { streak?: StreakSource } = {}) {
  const studio = testStudio(options);
  studio.start();
  studio.document.loadDocument(perceptron());
  return studio;
}

describe('the lesson runner', () => {
  it('starts the lesson of a document that opens, and Next opens once the goal is met', () => {
    const studio = started();
    const s = () => studio.lesson.getState();
    expect(s().lesson?.title).toBe('One perceptron');
    expect(s().role).toBe('student');
    expect(s().progress).toEqual({ step: 0, met: [true, false, false] }); // "read" is met at once
    studio.lessons.next();
    expect(s().progress.step).toBe(1);
    expect(s().facts?.error).toBeGreaterThan(0.5);
    studio.lessons.next();
    expect(s().progress.step).toBe(1); // E is not below 0.5 yet: Next stays shut

    const net = compile(studio.document.getState().doc);
    trainEpochs(net, perceptron().dataset.examples, { ...perceptron().training }, 300);
    const trained = weightsToDoc(studio.document.getState().doc, net);
    studio.document.setWeights(Object.fromEntries(trained.edges.map((e) => [e.id, e.weight])), { history: false });
    expect(s().facts?.error).toBeLessThan(0.5);
    expect(s().progress.met[1]).toBe(true);
    studio.lessons.next();
    expect(s().progress.step).toBe(2);
  });

  it('refuses what the shown step locks, saying why, and lets the rest through', () => {
    const studio = started();
    studio.lessons.next();
    const before = studio.document.getState().doc;
    expect(studio.document.connect('in_x', 'in_y')).toEqual({ ok: false, reason: expect.any(String) }); // the graph's own rule first
    studio.document.removeElements([], ['wx']);
    expect(studio.document.getState().doc).toBe(before);
    expect(studio.notices.getState().notices.at(-1)?.message).toBe('This lesson keeps the topology fixed');
    studio.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(studio.document.getState().doc.nodes).toHaveLength(before.nodes.length);
    studio.document.setTraining({ learningRate: 2 });
    expect(studio.document.getState().doc.training.learningRate).toBe(0.1);
    expect(studio.notices.getState().notices.at(-1)?.message).toBe('This lesson keeps the training settings fixed');
    studio.document.setEdgeWeight('wx', 0.7); // weights are not locked in this step
    studio.document.setTraining({ epoch: 4 }, { history: false }); // training advances the epoch
    expect(studio.document.getState().doc.edges.find((e) => e.id === 'wx')?.weight).toBe(0.7);
    expect(studio.document.getState().doc.training.epoch).toBe(4);
  });

  it('refuses a new edge through connect with the lock’s sentence, and leaving lifts every lock', () => {
    const doc = perceptron();
    const studio = testStudio();
    studio.start();
    studio.document.loadDocument({ ...doc, nodes: [...doc.nodes, { id: 'h', type: 'neuron', activation: 'sigmoid' }] });
    studio.lessons.next();
    expect(studio.document.connect('in_x', 'h')).toEqual({ ok: false, reason: 'This lesson keeps the topology fixed' });
    studio.lessons.leave();
    expect(studio.lesson.getState().lesson).toBeNull();
    expect(studio.document.connect('in_x', 'h').ok).toBe(true);
  });

  it('hides what the step hides until the values are revealed', () => {
    const studio = started();
    expect(hiddenAttribute(studio.lesson.getState())).toBe('');
    studio.lessons.next();
    expect(hiddenAttribute(studio.lesson.getState())).toBe('palette values');
    studio.lessons.reveal();
    expect(hiddenAttribute(studio.lesson.getState())).toBe('palette');
  });

  it('ends the lesson when a document without one opens', () => {
    const studio = started();
    studio.document.loadDocument(perceptron(null));
    expect(studio.lesson.getState().lesson).toBeNull();
    studio.document.removeElements([], ['wx']);
    expect(studio.document.getState().doc.edges).toHaveLength(2);
  });

  it('reads the prediction streak from the source it is given', () => {
    const listeners = new Set<() => void>();
    let streak = 0;
    const source: StreakSource = { get: () => streak, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
    const studio = started({ streak: source });
    const net = compile(studio.document.getState().doc);
    trainEpochs(net, perceptron().dataset.examples, { ...perceptron().training }, 300);
    studio.lessons.next();
    studio.document.setWeights(Object.fromEntries(weightsToDoc(perceptron(), net).edges.map((e) => [e.id, e.weight])), { history: false });
    studio.lessons.next();
    expect(studio.lesson.getState().progress.step).toBe(2);
    streak = 2;
    listeners.forEach((l) => l());
    expect(studio.lesson.getState().progress.met[2]).toBe(false);
    streak = 3;
    listeners.forEach((l) => l());
    expect(studio.lesson.getState().progress.met[2]).toBe(true);
  });
});
