import type { Hideable } from '../../../engine';
import { selectStep, type LessonState } from './store';

// The one visibility API the panels read: what the shown lesson step hides, as the space-separated
// list App.tsx writes on the window's root (`data-lesson-hide="palette values"`). lesson.css hides
// each by its panel's or control's own class or data-control, so no panel needs to know lessons.

/** what is hidden right now: the step's list, less the values once revealed */
export function hiddenNow(s: LessonState): readonly Hideable[] {
  const hide = selectStep(s)?.hide ?? [];
  return s.revealed ? hide.filter((h) => h !== 'values') : hide;
}

export const hiddenAttribute = (s: LessonState): string => hiddenNow(s).join(' ');
