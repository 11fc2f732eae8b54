// Format version 3: a document carries a lesson; it round-trips, a broken one is refused naming its
// path, and a file without a lesson (of any version) keeps opening.

import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, parseGraph, serializeGraph, type GraphDoc, type Lesson } from '../../../src/engine';
import { fixtureText, loadFixture, TWO_FIVE_ONE } from '../helpers';

const LESSON: Lesson = {
  title: 'The sum s',
  steps: [
    { title: 'Read', text: 'A neuron sums $s = \\sum_j z_j w_{j \\to k}$.\n\nThen $z = \\sigma(s)$.', goal: { kind: 'read' } },
    { text: 'Train it.', hide: ['palette', 'values'], locks: ['topology', 'training'], goal: { kind: 'error', below: 0.5, set: 'test' } },
    { text: 'Sign.', goal: { kind: 'weightSign', edge: 'e1', sign: 'negative' } },
    { text: 'Small.', goal: { kind: 'size', maxNeurons: 2 } },
  ],
};

function fileWith(lesson: unknown, version = CURRENT_VERSION): string {
  const file = JSON.parse(serializeGraph(loadFixture(TWO_FIVE_ONE)));
  return JSON.stringify({ ...file, version, lesson });
}

function refusal(text: string): { path: string; message: string } {
  const read = parseGraph(text);
  if (read.ok) throw new Error('expected a refusal');
  return { path: read.error.issues[0].path.join('.'), message: read.error.message };
}

describe('a lesson in a graph file (version 3)', () => {
  it('is read and written back as it was', () => {
    const read = parseGraph(fileWith(LESSON));
    if (!read.ok) throw read.error;
    expect(read.doc.lesson).toEqual(LESSON);
    const again = parseGraph(serializeGraph(read.doc));
    expect(again.ok && again.doc).toEqual(read.doc);
    expect(JSON.parse(serializeGraph(read.doc)).version).toBe(3);
  });

  it('is absent from a document without one, and from its file', () => {
    const doc: GraphDoc = loadFixture(TWO_FIVE_ONE);
    expect(doc.lesson).toBeUndefined();
    expect('lesson' in JSON.parse(serializeGraph(doc))).toBe(false);
  });

  it('keeps a version-1 file without a lesson opening', () => {
    expect(parseGraph(fixtureText(TWO_FIVE_ONE)).ok).toBe(true);
  });

  it('turns a version-2 file’s unknown "lesson" into the unknown key "v2:lesson", never a lesson', () => {
    const read = parseGraph(fileWith('bring a calculator', 2));
    if (!read.ok) throw read.error;
    expect(read.doc.lesson).toBeUndefined();
    expect(read.doc.extra).toEqual({ 'v2:lesson': 'bring a calculator' });
    expect(JSON.parse(serializeGraph(read.doc))['v2:lesson']).toBe('bring a calculator');
  });

  it.each([
    ['no steps', { title: 'x', steps: [] }, 'lesson.steps', /at least one step/],
    ['an empty title', { title: ' ', steps: LESSON.steps }, 'lesson.title', /must not be empty/],
    ['an unknown goal', { ...LESSON, steps: [{ text: 'x', goal: { kind: 'dance' } }] }, 'lesson.steps.0.goal.kind', /./],
    ['an accuracy above 1', { ...LESSON, steps: [{ text: 'x', goal: { kind: 'accuracy', atLeast: 95 } }] }, 'lesson.steps.0.goal.atLeast', /fraction, at most 1/],
    ['a size goal without a size', { ...LESSON, steps: [{ text: 'x', goal: { kind: 'size' } }] }, 'lesson.steps.0.goal', /maxNeurons, maxEdges or both/],
    ['an unknown lock', { ...LESSON, steps: [{ text: 'x', locks: ['colours'], goal: { kind: 'read' } }] }, 'lesson.steps.0.locks.0', /./],
    ['an unknown key', { ...LESSON, steps: [{ text: 'x', goal: { kind: 'read' }, timer: 5 }] }, 'lesson.steps.0', /timer/],
    ['a control character', { ...LESSON, steps: [{ text: 'a\u0007b', goal: { kind: 'read' } }] }, 'lesson.steps.0.text', /U\+0007/],
    ['a non-positive error bound', { ...LESSON, steps: [{ text: 'x', goal: { kind: 'error', below: 0 } }] }, 'lesson.steps.0.goal.below', /greater than 0/],
  ])('refuses %s, naming the path', (_what, lesson, path, message) => {
    const r = refusal(fileWith(lesson));
    expect(r.path).toBe(path);
    expect(r.message).toMatch(message);
  });
});
