import {
  canGoNext,
  goBack,
  goNext,
  lessonFacts,
  lockRefusal,
  shapeFacts,
  type Goal,
  observe,
  startProgress,
  type GraphDoc,
  type Lesson,
  type LessonFacts,
} from '../../../engine';
import { isFreshDocument, type DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { NetCache } from '../studio/netCache';
import { selectStep, type LessonRole, type LessonStore, NO_PROGRESS } from './store';
import type { StreakSource } from './streak';

// Runs a lesson: starts it when a document carrying one opens (a student), or when a teacher
// previews one; computes the goals' facts when the document changes (training writes its weights
// at its own pace, so this is never per frame), marks a met goal, opens Next; and checks every
// edit against the shown step's locks, refusing with the lock's sentence.

export interface LessonServiceDeps {
  document: DocumentStore;
  lesson: LessonStore;
  notices: Pick<Notices, 'notify'>;
  /** the lesson's own compiled-net cache (measuring must not disturb the live values' net) */
  nets: NetCache;
  streak: StreakSource;
}

export function createLessonService({ document, lesson, notices, nets, streak }: LessonServiceDeps) {
  /** the facts the shown goal reads: a pass over the examples only for an error or accuracy goal */
  function factsOf(doc: GraphDoc, goal: Goal | undefined): LessonFacts {
    const measured = goal?.kind === 'error' || goal?.kind === 'accuracy';
    return measured ? lessonFacts(doc, streak.get(), nets.netFor(doc)) : shapeFacts(doc, streak.get());
  }

  /** new facts; the shown step marked when they meet its goal */
  function measure(): void {
    const s = lesson.getState();
    if (!s.lesson) return;
    const facts = factsOf(document.getState().doc, selectStep(s)?.goal);
    lesson.setState({ facts, progress: observe(s.progress, s.lesson, facts) });
  }

  function run(next: Lesson, role: LessonRole): void {
    lesson.setState({ lesson: next, role, progress: startProgress(next), facts: null, revealed: false });
    document.setEditGuard(guard);
    measure();
  }

  function leave(): void {
    if (!lesson.getState().lesson) return;
    document.setEditGuard(null);
    lesson.setState({ lesson: null, role: null, progress: NO_PROGRESS, facts: null, revealed: false });
  }

  const guard = {
    check(before: GraphDoc, after: GraphDoc): string | null {
      const locks = selectStep(lesson.getState())?.locks;
      return locks && locks.length > 0 ? lockRefusal(locks, before, after) : null;
    },
    refused: (reason: string) => void notices.notify(reason, 'warning'),
  };

  function next(): void {
    const s = lesson.getState();
    if (!s.lesson || !canGoNext(s.progress, s.lesson)) return;
    lesson.setState({ progress: goNext(s.progress, s.lesson), revealed: false });
    measure();
  }

  function back(): void {
    const s = lesson.getState();
    if (s.lesson) lesson.setState({ progress: goBack(s.progress), revealed: false });
  }

  const reveal = () => lesson.setState({ revealed: true });

  /** the teacher's editor opens on the document's lesson: a running lesson (and its locks) ends */
  function edit(): void {
    leave();
    lesson.setState({ editing: true });
  }

  /** a preview from the editor: the document's lesson, run as a student sees it */
  function preview(): void {
    const doc = document.getState().doc;
    if (!doc.lesson) return;
    lesson.setState({ editing: false });
    run(doc.lesson, 'preview');
  }

  /** Leave lesson: back to the editor after a preview */
  function leaveLesson(): void {
    const wasPreview = lesson.getState().role === 'preview';
    leave();
    if (wasPreview) lesson.setState({ editing: true });
  }

  let stops: (() => void)[] = [];

  function start(): void {
    if (stops.length > 0) return;
    stops = [
      document.subscribe((s, prev) => {
        if (s.doc === prev.doc) return;
        // another document opened (New, Open, a course lesson): its lesson, if it has one, starts
        if (s.revision !== prev.revision && isFreshDocument(s)) {
          lesson.setState({ editing: false });
          if (s.doc.lesson) run(s.doc.lesson, 'student');
          else leave();
          return;
        }
        measure();
      }),
      streak.subscribe(measure),
    ];
    const { doc } = document.getState();
    if (doc.lesson) run(doc.lesson, 'student');
  }

  return {
    start,
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
      document.setEditGuard(null);
    },
    /** runs `next` as a teacher's preview (from the editor) or as a student */
    run,
    leave: leaveLesson,
    edit,
    closeEditor: () => lesson.setState({ editing: false }),
    preview,
    next,
    back,
    reveal,
  };
}

export type LessonService = ReturnType<typeof createLessonService>;
