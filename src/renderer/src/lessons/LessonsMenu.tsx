import { memo, useMemo } from 'react';
import { useStudio } from '../studio/StudioContext';
import { courseLessons } from './course';

// Lessons, in the top bar: the built-in course. A choice opens the lesson's document as a new,
// untitled one (asking about unsaved changes first, as a template does); its lesson starts.
export const LessonsMenu = memo(function LessonsMenu() {
  const studio = useStudio();
  const lessons = useMemo(() => courseLessons(), []);
  return (
    <details className="topbar-menu">
      <summary className="topbar-button" title="The built-in course: lessons that follow the backpropagation tutorial">
        Lessons
      </summary>
      <div className="topbar-menu-items" role="group" aria-label="Lessons" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
        {lessons.map((lesson, i) => (
          <button
            key={lesson.id}
            type="button"
            className="topbar-button"
            onClick={() => void studio.templates.apply({ name: lesson.title, build: () => lesson.doc })}
          >
            {i + 1}. {lesson.title}
          </button>
        ))}
        <span className="topbar-sep" aria-hidden="true" />
        <button type="button" className="topbar-button" title="Write or change this document's lesson: steps, locks, goals" onClick={studio.lessons.edit}>
          Edit this document’s lesson…
        </button>
      </div>
    </details>
  );
});
