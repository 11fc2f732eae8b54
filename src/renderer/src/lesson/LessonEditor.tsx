import { memo, useEffect, useState } from 'react';
import { GOAL_KINDS, HIDEABLE, LOCKS, describeGoal, type Goal, type GoalKind, type Hideable, type Lesson, type LessonStep, type Lock } from '../../../engine';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { useLesson } from './hooks';
import { defaultGoal, type LessonEdit } from './edits';
import './lesson.css';

// The teacher's lesson editor, in the left column: the lesson's title, its steps (select one to
// edit it; move it up or down, add, remove), the selected step's text, what it hides, what it
// locks and its goal; Preview as student. Every change is one undoable edit of the document
// (lesson/edits.ts), saved with it; text fields commit when they lose focus or on Enter.

const HIDE_NAMES: Record<Hideable, string> = {
  palette: 'Palette',
  plot: 'Data plot',
  loss: 'Loss chart',
  settings: 'Training settings',
  data: 'Data tools',
  details: 'Details tabs',
  legend: 'Legend',
  play: 'Play',
  step: 'Step buttons',
  reset: 'Reset weights',
  values: 'Values on neurons (until revealed)',
};
const LOCK_NAMES: Record<Lock, string> = { topology: 'Topology', weights: 'Weights', training: 'Training settings', data: 'Data' };
const GOAL_NAMES: Record<GoalKind, string> = {
  read: 'Read and continue',
  error: 'E below',
  accuracy: 'Accuracy at least',
  size: 'At most N neurons / edges',
  streak: 'Prediction streak',
  weightSign: 'A weight’s sign',
  epoch: 'Epoch at least',
};

export const LessonEditor = memo(function LessonEditor() {
  const editing = useLesson((s) => s.editing);
  const lesson = useDocument((s) => s.doc.lesson);
  if (!editing) return null;
  return lesson ? <Editor lesson={lesson} /> : <NoLesson />;
});

function NoLesson() {
  const studio = useStudio();
  return (
    <section className="lesson lesson-editor" aria-label="Lesson editor">
      <h2 className="lesson-title">Lesson editor</h2>
      <p>This document has no lesson yet.</p>
      <div className="lesson-nav">
        <button type="button" onClick={() => void studio.lessonEdits.create()}>
          Write a lesson
        </button>
        <button type="button" className="lesson-leave" onClick={studio.lessons.closeEditor}>
          Close editor
        </button>
      </div>
    </section>
  );
}

function Editor({ lesson }: { lesson: Lesson }) {
  const studio = useStudio();
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const index = Math.min(selected, lesson.steps.length - 1);
  const step = lesson.steps[index];
  const report = (result: LessonEdit) => setProblem(result.ok ? null : result.message);
  const edits = studio.lessonEdits;
  return (
    <section className="lesson lesson-editor" aria-label="Lesson editor">
      <header className="lesson-head">
        <h2 className="lesson-title">Lesson editor</h2>
      </header>
      <TextField label="Lesson title" value={lesson.title} onCommit={(v) => report(edits.setTitle(v))} />
      <ol className="lesson-steps" aria-label="Steps">
        {lesson.steps.map((s, i) => (
          <li key={i} className={i === index ? 'selected' : undefined}>
            <button type="button" className="lesson-step-pick" aria-pressed={i === index} onClick={() => setSelected(i)}>
              {i + 1}. {s.title ?? (s.text.slice(0, 32) || 'untitled step')}
            </button>
          </li>
        ))}
      </ol>
      <div className="lesson-nav" role="group" aria-label="Step order">
        <button type="button" onClick={() => (report(edits.addStep(index)), setSelected(index + 1))}>
          Add step
        </button>
        <button type="button" disabled={index === 0} onClick={() => (report(edits.moveStep(index, index - 1)), setSelected(index - 1))}>
          Move up
        </button>
        <button type="button" disabled={index === lesson.steps.length - 1} onClick={() => (report(edits.moveStep(index, index + 1)), setSelected(index + 1))}>
          Move down
        </button>
        <button type="button" disabled={lesson.steps.length === 1} onClick={() => (report(edits.removeStep(index)), setSelected(Math.max(0, index - 1)))}>
          Remove step
        </button>
      </div>
      <StepForm key={index} step={step} onChange={(patch, label) => report(edits.updateStep(index, patch, label))} />
      {problem && (
        <p className="lesson-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="lesson-nav">
        <button type="button" className="lesson-next" onClick={studio.lessons.preview}>
          Preview as student
        </button>
        <button type="button" onClick={() => void studio.lessonEdits.remove()}>
          Remove lesson
        </button>
        <button type="button" className="lesson-leave" onClick={studio.lessons.closeEditor}>
          Close editor
        </button>
      </div>
    </section>
  );
}

type StepChange = (patch: (step: LessonStep) => LessonStep, label?: string) => void;

function StepForm({ step, onChange }: { step: LessonStep; onChange: StepChange }) {
  const toggle = <T extends string>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined => {
    const next = on ? [...(list ?? []), item] : (list ?? []).filter((x) => x !== item);
    return next.length > 0 ? next : undefined;
  };
  return (
    <div className="lesson-step-form">
      <TextField label="Step title" value={step.title ?? ''} onCommit={(v) => onChange((s) => ({ ...s, title: v.trim() === '' ? undefined : v }), 'Step title')} />
      <TextField label="Step text (Markdown, math between $…$)" value={step.text} multiline onCommit={(v) => onChange((s) => ({ ...s, text: v }), 'Step text')} />
      <CheckList legend="Locks" options={LOCKS} names={LOCK_NAMES} chosen={step.locks} onChange={(on, lock) => onChange((s) => ({ ...s, locks: toggle(s.locks, lock, on) }), 'Step locks')} />
      <CheckList legend="Hidden" options={HIDEABLE} names={HIDE_NAMES} chosen={step.hide} onChange={(on, h) => onChange((s) => ({ ...s, hide: toggle(s.hide, h, on) }), 'Step hides')} />
      <GoalForm goal={step.goal} onChange={(goal) => onChange((s) => ({ ...s, goal }), 'Step goal')} />
    </div>
  );
}

function GoalForm({ goal, onChange }: { goal: Goal; onChange: (goal: Goal) => void }) {
  const doc = useDocument((s) => s.doc);
  const number = (label: string, value: number | undefined, set: (v: number | undefined) => Goal) => (
    <TextField label={label} value={value === undefined ? '' : String(value)} onCommit={(v) => onChange(set(v.trim() === '' ? undefined : Number(v)))} />
  );
  return (
    <fieldset className="lesson-goal-form">
      <legend>Goal</legend>
      <label className="field">
        <span>Kind</span>
        <select aria-label="Goal" value={goal.kind} onChange={(e) => onChange(defaultGoal(e.target.value as GoalKind, doc))}>
          {GOAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {GOAL_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      {goal.kind === 'error' && number('Below', goal.below, (v) => ({ ...goal, below: v ?? NaN }))}
      {goal.kind === 'accuracy' && number('At least (0 to 1)', goal.atLeast, (v) => ({ ...goal, atLeast: v ?? NaN }))}
      {(goal.kind === 'error' || goal.kind === 'accuracy') && (
        <label className="field">
          <span>Examples</span>
          <select aria-label="Examples measured" value={goal.set ?? 'train'} onChange={(e) => onChange({ ...goal, set: e.target.value === 'test' ? 'test' : undefined })}>
            <option value="train">training</option>
            <option value="test">test</option>
          </select>
        </label>
      )}
      {goal.kind === 'size' && number('At most neurons', goal.maxNeurons, (v) => ({ ...goal, maxNeurons: v }))}
      {goal.kind === 'size' && number('At most edges', goal.maxEdges, (v) => ({ ...goal, maxEdges: v }))}
      {(goal.kind === 'streak' || goal.kind === 'epoch') && number('At least', goal.atLeast, (v) => ({ ...goal, atLeast: v ?? NaN }))}
      {goal.kind === 'weightSign' && (
        <>
          <label className="field">
            <span>Edge</span>
            <select aria-label="Goal edge" value={goal.edge} onChange={(e) => onChange({ ...goal, edge: e.target.value })}>
              {doc.edges.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.source} → {e.target}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Sign</span>
            <select aria-label="Goal sign" value={goal.sign} onChange={(e) => onChange({ ...goal, sign: e.target.value === 'negative' ? 'negative' : 'positive' })}>
              <option value="positive">positive</option>
              <option value="negative">negative</option>
            </select>
          </label>
        </>
      )}
      <p className="lesson-goal-summary">{describeGoal(goal)}</p>
    </fieldset>
  );
}

/** a text field that commits when it loses focus or on Enter (Ctrl+Enter in a text area), Esc undoes the draft */
function TextField({ label, value, multiline, onCommit }: { label: string; value: string; multiline?: boolean; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const props = {
    'aria-label': label,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: { key: string; ctrlKey: boolean; metaKey: boolean }) => {
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) commit();
      if (e.key === 'Escape') setDraft(value);
    },
  };
  return (
    <label className="field lesson-field">
      <span>{label}</span>
      {multiline ? <textarea rows={6} {...props} /> : <input type="text" {...props} />}
    </label>
  );
}

/** one checkbox per option (a step's locks, what it hides), ticked when the step lists it */
function CheckList<T extends string>({ legend, options, names, chosen, onChange }: { legend: string; options: readonly T[]; names: Record<T, string>; chosen: readonly T[] | undefined; onChange: (on: boolean, option: T) => void }) {
  return (
    <fieldset className="lesson-checks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="checkbox" checked={chosen?.includes(option) ?? false} onChange={(e) => onChange(e.target.checked, option)} />
          {names[option]}
        </label>
      ))}
    </fieldset>
  );
}
