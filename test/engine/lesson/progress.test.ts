// A learner's way through a lesson: Next opens only once the shown goal is met, a met goal stays
// met, and the lesson is completed when every goal has been.

import { describe, expect, it } from 'vitest';
import { canGoNext, goBack, goNext, isCompleted, observe, startProgress, type Lesson, type LessonFacts } from '../../../src/engine';

const lesson: Lesson = {
  title: 't',
  steps: [
    { text: 'read', goal: { kind: 'read' } },
    { text: 'train', goal: { kind: 'error', below: 0.1 } },
    { text: 'step', goal: { kind: 'epoch', atLeast: 2 } },
  ],
};
const facts = (error: number | null, epoch = 0): LessonFacts => ({ error, testError: null, accuracy: null, testAccuracy: null, neurons: 1, edges: 1, weights: {}, epoch, streak: 0 });

describe('lesson progress', () => {
  it('opens Next only after the shown step’s goal is met, and keeps the mark', () => {
    let p = startProgress(lesson);
    expect(canGoNext(p, lesson)).toBe(false);
    p = observe(p, lesson, facts(1));
    expect(p.met).toEqual([true, false, false]);
    p = goNext(p, lesson);
    expect(p.step).toBe(1);
    expect(goNext(observe(p, lesson, facts(0.5)), lesson).step).toBe(1); // E = 0.5 is not below 0.1
    p = observe(p, lesson, facts(0.05));
    expect(observe(p, lesson, facts(0.9)).met[1]).toBe(true); // E rose again: still met
    p = goNext(p, lesson);
    expect(isCompleted(p)).toBe(false);
    p = observe(p, lesson, facts(0.9, 2));
    expect(isCompleted(p)).toBe(true);
    expect(canGoNext(p, lesson)).toBe(false); // the last step has no Next
    expect(goBack(p).step).toBe(1);
  });

  it('returns the same progress when nothing changes', () => {
    const p = observe(startProgress(lesson), lesson, facts(1));
    expect(observe(p, lesson, facts(1))).toBe(p);
  });
});
