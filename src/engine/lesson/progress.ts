// Where a learner stands in a lesson: the step shown and which steps' goals have been met. A goal
// once met stays met (training on past it, E creeping up again, does not take the mark back), and
// Next opens only after the shown step's goal is met. The lesson is completed when every goal is.

import type { Lesson } from '../format/lesson';
import type { LessonFacts } from './facts';
import { goalMet } from './goals';

export interface LessonProgress {
  /** index of the step shown */
  readonly step: number;
  /** per step: its goal has been met */
  readonly met: readonly boolean[];
}

export function startProgress(lesson: Lesson): LessonProgress {
  return { step: 0, met: lesson.steps.map(() => false) };
}

/** the shown step marked met when the facts meet its goal (the same object when nothing changes) */
export function observe(progress: LessonProgress, lesson: Lesson, facts: LessonFacts): LessonProgress {
  const step = lesson.steps[progress.step];
  if (!step || progress.met[progress.step] || !goalMet(step.goal, facts)) return progress;
  return { ...progress, met: progress.met.map((m, i) => m || i === progress.step) };
}

export const canGoNext = (progress: LessonProgress, lesson: Lesson): boolean =>
  progress.met[progress.step] === true && progress.step < lesson.steps.length - 1;

export function goNext(progress: LessonProgress, lesson: Lesson): LessonProgress {
  return canGoNext(progress, lesson) ? { ...progress, step: progress.step + 1 } : progress;
}

export function goBack(progress: LessonProgress): LessonProgress {
  return progress.step > 0 ? { ...progress, step: progress.step - 1 } : progress;
}

export const isCompleted = (progress: LessonProgress): boolean => progress.met.length > 0 && progress.met.every(Boolean);
