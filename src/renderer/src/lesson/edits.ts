import { lessonSchema, type GraphDoc, type Goal, type GoalKind, type Lesson, type LessonStep } from '../../../engine';
import type { DocumentStore } from '../store/document';

// The lesson editor's edits: each makes the document's next lesson, checked against the format's
// schema (a lesson the reader would refuse is never written), and commits it as ONE undoable
// document edit, so a teacher's every change is one undo step and is saved with the file.

export type LessonEdit = { ok: true } | { ok: false; message: string };

/** a lesson to start from: the document's title and one "read" step */
export function starterLesson(doc: GraphDoc): Lesson {
  return { title: doc.name && doc.name !== 'Untitled' ? doc.name : 'New lesson', steps: [blankStep()] };
}

export const blankStep = (): LessonStep => ({ text: '', goal: { kind: 'read' } });

/** a goal of `kind` with the values a teacher starts from */
export function defaultGoal(kind: GoalKind, doc: GraphDoc): Goal {
  switch (kind) {
    case 'read':
      return { kind };
    case 'error':
      return { kind, below: 1 };
    case 'accuracy':
      return { kind, atLeast: 0.9 };
    case 'size':
      return { kind, maxNeurons: Math.max(1, doc.nodes.filter((n) => n.type === 'neuron').length) };
    case 'streak':
      return { kind, atLeast: 5 };
    case 'weightSign':
      return { kind, edge: doc.edges[0]?.id ?? 'edge', sign: 'positive' };
    case 'epoch':
      return { kind, atLeast: 10 };
  }
}

/** the step moved from `from` to `to` (indices), the others in order */
export function moveStep(lesson: Lesson, from: number, to: number): Lesson {
  if (to < 0 || to >= lesson.steps.length || from === to) return lesson;
  const steps = [...lesson.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step);
  return { ...lesson, steps };
}

export function createLessonEdits(document: Pick<DocumentStore, 'getState' | 'replaceDocument'>) {
  /** writes `change(lesson)` as one undoable edit named `label`, or says why it cannot */
  function edit(label: string, change: (lesson: Lesson, doc: GraphDoc) => Lesson | undefined): LessonEdit {
    const doc = document.getState().doc;
    const current = doc.lesson ?? starterLesson(doc);
    const next = change(current, doc);
    if (next === undefined) {
      document.replaceDocument({ ...doc, lesson: undefined }, label);
      return { ok: true };
    }
    const checked = lessonSchema.safeParse(next);
    if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? 'not a valid lesson' };
    document.replaceDocument({ ...doc, lesson: checked.data }, label);
    return { ok: true };
  }
  const onStep = (index: number, patch: (step: LessonStep) => LessonStep) => (lesson: Lesson) => ({
    ...lesson,
    steps: lesson.steps.map((s, i) => (i === index ? patch(s) : s)),
  });
  return {
    create: () => edit('New lesson', (lesson) => lesson),
    remove: () => edit('Remove lesson', () => undefined),
    setTitle: (title: string) => edit('Lesson title', (lesson) => ({ ...lesson, title })),
    addStep: (after: number) => edit('Add step', (lesson) => ({ ...lesson, steps: [...lesson.steps.slice(0, after + 1), blankStep(), ...lesson.steps.slice(after + 1)] })),
    removeStep: (index: number) => edit('Remove step', (lesson) => ({ ...lesson, steps: lesson.steps.filter((_, i) => i !== index) })),
    moveStep: (from: number, to: number) => edit('Move step', (lesson) => moveStep(lesson, from, to)),
    updateStep: (index: number, patch: (step: LessonStep) => LessonStep, label = 'Edit step') => edit(label, onStep(index, patch)),
  };
}

export type LessonEdits = ReturnType<typeof createLessonEdits>;
