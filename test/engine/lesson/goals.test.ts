// Each kind of goal against facts that meet it and facts that do not, and the words the panel shows.

import { describe, expect, it } from 'vitest';
import { describeGoal, goalMet, goalState, lessonFacts, shapeFacts, type Goal, type LessonFacts } from '../../../src/engine';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

const base: LessonFacts = { error: 0.4, testError: 0.9, accuracy: 0.8, testAccuracy: 0.5, neurons: 6, edges: 21, weights: { a: 0.3, b: -0.2 }, epoch: 3, streak: 2 };
const at = (patch: Partial<LessonFacts>): LessonFacts => ({ ...base, ...patch });

describe('goalMet', () => {
  it.each<[string, Goal, Partial<LessonFacts>, Partial<LessonFacts>]>([
    ['E below a bound (strictly)', { kind: 'error', below: 0.4 }, { error: 0.39 }, { error: 0.4 }],
    ['test E below a bound', { kind: 'error', below: 0.5, set: 'test' }, { testError: 0.1 }, { testError: 0.9, error: 0.1 }],
    ['E without examples is never met', { kind: 'error', below: 1 }, { error: 0.5 }, { error: null }],
    ['accuracy at least', { kind: 'accuracy', atLeast: 0.8 }, { accuracy: 0.8 }, { accuracy: 0.79 }],
    ['test accuracy at least', { kind: 'accuracy', atLeast: 0.9, set: 'test' }, { testAccuracy: 1 }, { testAccuracy: 0.5, accuracy: 1 }],
    ['at most N neurons', { kind: 'size', maxNeurons: 3 }, { neurons: 3 }, { neurons: 4 }],
    ['at most N neurons and edges', { kind: 'size', maxNeurons: 3, maxEdges: 9 }, { neurons: 3, edges: 9 }, { neurons: 3, edges: 10 }],
    ['a prediction streak', { kind: 'streak', atLeast: 5 }, { streak: 5 }, { streak: 4 }],
    ['a positive weight', { kind: 'weightSign', edge: 'b', sign: 'positive' }, { weights: { b: 0.01 } }, { weights: { b: 0 } }],
    ['a negative weight', { kind: 'weightSign', edge: 'a', sign: 'negative' }, { weights: { a: -1 } }, { weights: { a: 0.3 } }],
    ['a weight whose edge is gone', { kind: 'weightSign', edge: 'a', sign: 'positive' }, { weights: { a: 1 } }, { weights: {} }],
    ['an epoch reached', { kind: 'epoch', atLeast: 4 }, { epoch: 4 }, { epoch: 3 }],
  ])('%s', (_what, goal, meets, fails) => {
    expect(goalMet(goal, at(meets))).toBe(true);
    expect(goalMet(goal, at(fails))).toBe(false);
  });

  it('"read and continue" is always met', () => {
    expect(goalMet({ kind: 'read' }, at({ error: null }))).toBe(true);
  });
});

describe('the goal in words', () => {
  it('names the goal and where the learner stands', () => {
    expect(describeGoal({ kind: 'error', below: 0.1, set: 'test' })).toBe('Bring E on the test examples below 0.1');
    expect(describeGoal({ kind: 'accuracy', atLeast: 0.95 })).toBe('Reach accuracy of at least 95%');
    expect(describeGoal({ kind: 'size', maxNeurons: 2, maxEdges: 6 })).toBe('Use at most 2 neurons and 6 edges');
    expect(describeGoal({ kind: 'epoch', atLeast: 3 })).toBe('Press Step until the epoch is at least 3');
    expect(goalState({ kind: 'error', below: 0.1 }, at({ error: 0.41234 }))).toBe('E = 0.412');
    expect(goalState({ kind: 'error', below: 0.1, set: 'test' }, at({ testError: null }))).toMatch(/no test examples/);
    expect(goalState({ kind: 'weightSign', edge: 'zz', sign: 'positive' }, base)).toBe('there is no edge zz');
  });
});

describe('lessonFacts', () => {
  it('measures the document at its weights: E and accuracy as training reports them, counts, weights, epoch', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const facts = lessonFacts(doc, 7);
    expect(facts.neurons).toBe(6);
    expect(facts.edges).toBe(doc.edges.length);
    expect(facts.weights[doc.edges[0].id]).toBe(doc.edges[0].weight);
    expect(facts.streak).toBe(7);
    expect(facts.error).toBeGreaterThan(0);
    expect(facts.testError).toBeNull(); // the tutorial has no test examples
    const withTest = { ...doc, dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => ({ ...ex, test: i % 2 === 0 })) } };
    const split = lessonFacts(withTest);
    expect(split.testError).toBeGreaterThan(0);
    expect(split.error! + split.testError!).toBeCloseTo(facts.error!, 12);
  });

  it('has no measurements for a graph that breaks a rule, and still counts it', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const broken = { ...doc, edges: [...doc.edges, { ...doc.edges[0], id: 'loop', source: doc.edges[0].target, target: doc.edges[0].target }] };
    expect(lessonFacts(broken)).toEqual({ ...shapeFacts(broken), error: null });
  });
});
