// @vitest-environment happy-dom
// The lesson editor's edits: each is one undo step of the document, a lesson the reader would
// refuse is never written, and what the editor wrote is saved and read back with the file.

import { describe, expect, it } from 'vitest';
import { parseGraph, serializeGraph } from '../../../src/engine';
import { moveStep } from '../../../src/renderer/src/lesson/edits';
import { testStudio } from '../studio/fakeEnv';

function editing() {
  const studio = testStudio();
  studio.start();
  studio.lessons.edit();
  return studio;
}
const lessonOf = (studio: ReturnType<typeof testStudio>) => studio.document.getState().doc.lesson;

describe('lesson edits', () => {
  it('each change is one undo step', () => {
    const studio = editing();
    expect(studio.lessonEdits.create().ok).toBe(true);
    studio.lessonEdits.setTitle('Weights');
    studio.lessonEdits.addStep(0);
    studio.lessonEdits.updateStep(1, (s) => ({ ...s, text: 'Train', locks: ['topology'], goal: { kind: 'epoch', atLeast: 2 } }));
    expect(lessonOf(studio)).toEqual({ title: 'Weights', steps: [{ text: '', goal: { kind: 'read' } }, { text: 'Train', locks: ['topology'], goal: { kind: 'epoch', atLeast: 2 } }] });
    studio.document.undo();
    expect(lessonOf(studio)?.steps[1]).toEqual({ text: '', goal: { kind: 'read' } });
    studio.document.undo();
    expect(lessonOf(studio)?.steps).toHaveLength(1);
    studio.document.undo();
    expect(lessonOf(studio)?.title).toBe('New lesson');
    studio.document.undo();
    expect(lessonOf(studio)).toBeUndefined();
  });

  it('refuses a lesson the reader would refuse, saying why, and writes nothing', () => {
    const studio = editing();
    studio.lessonEdits.create();
    const before = studio.document.getState().doc;
    const result = studio.lessonEdits.updateStep(0, (s) => ({ ...s, goal: { kind: 'accuracy', atLeast: 95 } }));
    expect(result).toEqual({ ok: false, message: 'an accuracy is a fraction, at most 1' });
    expect(studio.lessonEdits.setTitle('  ')).toEqual({ ok: false, message: 'a title must not be empty' });
    expect(studio.document.getState().doc).toBe(before);
  });

  it('moves a step, keeping the others in order', () => {
    const l = { title: 't', steps: ['a', 'b', 'c'].map((text) => ({ text, goal: { kind: 'read' as const } })) };
    expect(moveStep(l, 2, 0).steps.map((s) => s.text)).toEqual(['c', 'a', 'b']);
    expect(moveStep(l, 0, 5)).toBe(l);
  });

  it('is saved with the document and starts for a student when the file is opened', () => {
    const studio = editing();
    studio.lessonEdits.create();
    studio.lessonEdits.updateStep(0, (s) => ({ ...s, locks: ['topology'], goal: { kind: 'epoch', atLeast: 1 } }));
    const read = parseGraph(serializeGraph(studio.document.getState().doc));
    if (!read.ok) throw read.error;
    const student = testStudio();
    student.start();
    student.document.loadDocument(read.doc);
    expect(student.lesson.getState()).toMatchObject({ role: 'student', editing: false, lesson: lessonOf(studio) });
    student.document.addNode({ type: 'neuron', activation: 'sigmoid' });
    expect(student.document.getState().doc.nodes).toHaveLength(read.doc.nodes.length);
  });

  it('previews as a student and comes back to the editor', () => {
    const studio = editing();
    studio.lessonEdits.create();
    studio.lessons.preview();
    expect(studio.lesson.getState()).toMatchObject({ role: 'preview', editing: false });
    studio.lessons.leave();
    expect(studio.lesson.getState()).toMatchObject({ role: null, lesson: null, editing: true });
  });
});
