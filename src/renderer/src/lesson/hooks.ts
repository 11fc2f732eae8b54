import { useStore } from 'zustand';
import type { LessonState } from './store';
import { useStudio } from '../studio/StudioContext';

/** a slice of the lesson being run (lesson/store.ts) */
export const useLesson = <T,>(select: (state: LessonState) => T): T => useStore(useStudio().lesson, select);
