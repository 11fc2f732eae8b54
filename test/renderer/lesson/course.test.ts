// @vitest-environment happy-dom
// The built-in course: at least eight lessons, each a file the reader accepts, and every goal of
// every lesson reachable. Each step's solution is done the way a learner does it — the document
// store's actions the UI calls (a weight typed, an edge drawn, a setting changed), and training
// headless with the engine, written back as the training controller writes it — and the runner
// itself must mark the goal met and open Next, until the lesson says it is completed.

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, initWeights, isCompleted, parseGraph, trainEpochs, weightsToDoc } from '../../../src/engine';
import { courseLessons } from '../../../src/renderer/src/lessons/course';
import { testStudio } from '../studio/fakeEnv';

type Studio = ReturnType<typeof testStudio>;
type Action = (studio: Studio) => void;

/** trains `epochs` epochs with the document's settings, writing weights and epoch back as training does */
function train(studio: Studio, epochs: number): void {
  const doc = studio.document.getState().doc;
  const net = compile(doc);
  const run = trainEpochs(net, doc.dataset.examples, doc.training, epochs);
  const trained = weightsToDoc(doc, net);
  studio.document.setTraining({ epoch: run.epoch }, { history: false });
  studio.document.setWeights(Object.fromEntries(trained.edges.map((e) => [e.id, e.weight])), { history: true });
}

/** trains in rounds of ten epochs until the shown goal is met (Play, until the panel says so) */
const play = (maxEpochs: number): Action => (studio) => {
  const s = () => studio.lesson.getState();
  for (let done = 0; done < maxEpochs && !s().progress.met[s().progress.step]; done += 10) train(studio, 10);
};
const stepEpochs = (n: number): Action => (studio) => {
  for (let i = 0; i < n; i++) train(studio, 1);
};
const weight = (edge: string, w: number): Action => (studio) => studio.document.setEdgeWeight(edge, w);
const connect = (...pairs: [string, string][]): Action => (studio) => {
  for (const [a, b] of pairs) expect(studio.document.connect(a, b).ok).toBe(true);
};
const reset: Action = (studio) => {
  const doc = studio.document.getState().doc;
  studio.document.replaceDocument(initWeights({ ...doc, training: { ...doc.training, epoch: 0 } }, doc.training.seed), 'Reset weights');
};
const nothing: Action = () => {};

/** per lesson, per step: what the learner does (the e2e test does the same through the UI) */
const SOLUTIONS: Record<string, Action[][]> = {
  '01-perceptron': [[nothing], [weight('in_1->1', 0.5)], [stepEpochs(1)]],
  '02-sigmoid': [[nothing], [stepEpochs(3)], [weight('in_x->1', 0.5)]],
  '03-separable': [[nothing], [play(2000)]],
  '04-xor': [[play(100)], [nothing], [connect(['h1', 'out'], ['h2', 'out'], ['h3', 'out']), play(3000)]],
  '05-two-five-one': [[nothing], [stepEpochs(5)], [play(3000)]],
  '06-skip-connection': [[nothing], [weight('a->out', -0.5)], [play(3000)]],
  '07-sequential-batch': [[stepEpochs(10)], [(s) => s.document.setTraining({ mode: 'batch' }), stepEpochs(10)], [play(3000)]],
  '08-learning-rate': [[stepEpochs(10)], [reset, (s) => s.document.setTraining({ learningRate: 0.5 }), play(3000)]],
  '09-test-data': [[play(3000)], [play(3000)], [play(2000)]],
};

// happy-dom's import.meta.url is not a file: the tests run from the project's folder
const COURSE = resolve('src/renderer/src/lessons/course') + '/';

describe('the built-in course', () => {
  const lessons = courseLessons(); // the files the app bundles

  it('has at least eight lessons, each a version-3 file the reader accepts, each with a solution here', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    for (const f of readdirSync(COURSE)) {
      const text = readFileSync(COURSE + f, 'utf8');
      expect(JSON.parse(text).version, f).toBe(3);
      expect(parseGraph(text).ok, f).toBe(true);
    }
    expect(Object.keys(SOLUTIONS).sort()).toEqual(lessons.map((l) => l.id));
  });

  it('follows the tutorial’s settings: the perceptron at η = 0.1, the 2-5-1 at η = 0.5, sequential', () => {
    const byId = Object.fromEntries(lessons.map((l) => [l.id, l.doc]));
    expect(byId['03-separable'].training).toMatchObject({ learningRate: 0.1, mode: 'sequential' });
    expect(byId['05-two-five-one'].training).toMatchObject({ learningRate: 0.5, mode: 'sequential' });
    expect(byId['05-two-five-one'].nodes.filter((n) => n.type === 'neuron')).toHaveLength(6);
    expect(byId['09-test-data'].dataset.examples.some((e) => e.test)).toBe(true);
    expect(byId['08-learning-rate'].training.learningRate).toBeGreaterThan(1);
  });

  it.each(Object.keys(SOLUTIONS))('%s can be completed: every goal is reached by what a learner does', (id) => {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    const studio = testStudio();
    studio.start();
    studio.document.loadDocument(lesson.doc);
    const s = () => studio.lesson.getState();
    expect(s().lesson?.title).toBe(lesson.title);
    SOLUTIONS[id].forEach((actions, step) => {
      expect(s().progress.step).toBe(step);
      expect(s().progress.met[step] && lesson.doc.lesson?.steps[step].goal.kind !== 'read', `step ${step + 1} is met before anything is done`).toBe(false);
      actions.forEach((act) => act(studio));
      expect(s().progress.met[step], `step ${step + 1} of ${id}: ${JSON.stringify(s().facts)}`).toBe(true);
      studio.lessons.next();
    });
    expect(isCompleted(s().progress)).toBe(true);
  });
});
