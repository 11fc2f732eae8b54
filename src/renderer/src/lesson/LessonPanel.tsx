import { memo, useMemo } from 'react';
import { canGoNext, describeGoal, goalState, isCompleted, type GraphEdge, type GraphNode } from '../../../engine';
import { useStudio } from '../studio/StudioContext';
import { useDocument } from '../studio/hooks';
import { useLesson } from './hooks';
import { createLessonMarkdown } from './markdown';
import { selectStep } from './store';
import './lesson.css';

// The lesson beside the network: the step's text, "Step 2 of 6", the goal with its live state
// (met: marked, and Next opens), Reveal for hidden values, Back, and Leave lesson for a teacher.
export const LessonPanel = memo(function LessonPanel() {
  const lesson = useLesson((s) => s.lesson);
  if (!lesson) return null;
  return <LessonCard />;
});

/** "in_1 → 1": an edge by its ends' labels */
function edgeName(nodes: readonly GraphNode[], edges: readonly GraphEdge[], id: string): string {
  const edge = edges.find((e) => e.id === id);
  if (!edge) return id;
  const label = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  return `${label(edge.source)} → ${label(edge.target)}`;
}

const LessonCard = memo(function LessonCard() {
  const studio = useStudio();
  const lesson = useLesson((s) => s.lesson);
  const role = useLesson((s) => s.role);
  const progress = useLesson((s) => s.progress);
  const step = useLesson(selectStep);
  const facts = useLesson((s) => s.facts);
  const revealed = useLesson((s) => s.revealed);
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const render = useMemo(() => createLessonMarkdown(), []);
  const html = useMemo(() => (step ? render(step.text) : ''), [render, step]);
  if (!lesson || !step) return null;
  const met = progress.met[progress.step] === true;
  const completed = isCompleted(progress);
  const last = progress.step === lesson.steps.length - 1;
  const hidesValues = step.hide?.includes('values') === true;
  return (
    <section className="lesson" aria-label="Lesson" data-step={progress.step + 1}>
      <header className="lesson-head">
        <h2 className="lesson-title">{lesson.title}</h2>
        <span className="lesson-count">
          Step {progress.step + 1} of {lesson.steps.length}
          {role === 'preview' && <span className="lesson-preview"> · preview</span>}
        </span>
      </header>
      {step.title && <h3 className="lesson-step-title">{step.title}</h3>}
      <div className="lesson-text" dangerouslySetInnerHTML={{ __html: html }} />
      <div className={`lesson-goal${met ? ' met' : ''}`} data-testid="lesson-goal" data-met={met}>
        <span className="lesson-goal-mark" aria-hidden="true">
          {met ? '✓' : '○'}
        </span>
        <span className="lesson-goal-text">
          {step.goal.kind === 'read' ? 'Read, then press Next' : describeGoal(step.goal, (id) => edgeName(nodes, edges, id))}
          {facts && step.goal.kind !== 'read' && <span className="lesson-goal-state"> — {goalState(step.goal, facts)}</span>}
        </span>
        <span className="lesson-goal-status" role="status">
          {met && step.goal.kind !== 'read' ? 'Goal met' : ''}
        </span>
      </div>
      {hidesValues && !revealed && (
        <button type="button" className="lesson-reveal" onClick={studio.lessons.reveal}>
          Reveal values
        </button>
      )}
      {completed && last && (
        <p className="lesson-done" role="status">
          Lesson completed
        </p>
      )}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" onClick={studio.lessons.back} disabled={progress.step === 0}>
          Back
        </button>
        {!last && (
          <button type="button" className="lesson-next" onClick={studio.lessons.next} disabled={!canGoNext(progress, lesson)}>
            Next
          </button>
        )}
        <button type="button" className="lesson-leave" onClick={studio.lessons.leave} title="Leave lesson mode: every panel and edit comes back">
          {role === 'preview' ? 'Back to editor' : 'Leave lesson'}
        </button>
      </nav>
    </section>
  );
});
