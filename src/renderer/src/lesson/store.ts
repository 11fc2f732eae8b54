import { createStore } from 'zustand/vanilla';
import type { Lesson, LessonFacts, LessonProgress } from '../../../engine';

// The lesson being run, if any: who runs it (a student, or a teacher previewing one from the
// editor), where the learner stands, the facts the goals read, and whether the shown step's
// hidden values have been revealed. Not part of the document, not in undo; lesson/service.ts
// owns every change.

export type LessonRole = 'student' | 'preview';

export interface LessonState {
  lesson: Lesson | null;
  role: LessonRole | null;
  progress: LessonProgress;
  /** the facts at the latest document change (null before the first) */
  facts: LessonFacts | null;
  /** the learner pressed Reveal on this step: its hidden values show */
  revealed: boolean;
  /** a teacher is editing the document's lesson (LessonEditor) */
  editing: boolean;
}

export const NO_PROGRESS: LessonProgress = Object.freeze({ step: 0, met: [] });

export function createLessonStore() {
  return createStore<LessonState>(() => ({ lesson: null, role: null, progress: NO_PROGRESS, facts: null, revealed: false, editing: false }));
}

export type LessonStore = ReturnType<typeof createLessonStore>;

/** the step shown, or null outside a lesson */
export const selectStep = (s: LessonState) => s.lesson?.steps[s.progress.step] ?? null;
