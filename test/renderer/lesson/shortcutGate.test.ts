// @vitest-environment happy-dom
// A lesson step that hides a control makes its shortcut inert too, and one that locks what a
// shortcut changes does the same: Space with Play hidden, N with the details hidden, Delete and O
// under the topology lock. Leaving the lesson gives the keys back.

import { describe, expect, it, vi } from 'vitest';
import type { GraphDoc, Lesson } from '../../../src/engine';
import { emptyDocument } from '../../../src/renderer/src/store/document';
import { shortcutInert } from '../../../src/renderer/src/lesson/shortcutGate';
import type { CommandId } from '../../../src/shared/commands';
import { MENU_INERT } from '../../../src/renderer/src/files/fileCommands';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

const LESSON: Lesson = {
  title: 'Hands off',
  steps: [
    { text: 'Watch.', hide: ['play', 'step', 'reset', 'details'], locks: ['topology'], goal: { kind: 'read' } },
    { text: 'Now play.', goal: { kind: 'read' } },
  ],
};

function withLesson(): GraphDoc {
  const doc = emptyDocument();
  return {
    ...doc,
    nodes: [...doc.nodes, { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0 }],
    edges: [{ id: 'wx', source: 'in_x', target: 'out', weight: -0.2 }],
    dataset: { ...doc.dataset, examples: [{ x: [0.8, 0.6], y: [1] }] },
    lesson: LESSON,
  };
}

function started() {
  const studio = testStudio();
  studio.start();
  studio.document.loadDocument(withLesson());
  studio.live.setState({ exampleIndex: 0 });
  const run = vi.spyOn(studio.commands, 'run');
  const press = (key: string) => {
    const e = new KeyboardEvent('keydown', { key, cancelable: true });
    (studio.env.keys as unknown as EventTarget).dispatchEvent(e);
    return e;
  };
  return { studio, run, press };
}

describe('shortcuts of hidden and locked controls', () => {
  it('do nothing while the step hides or locks them (and their default is still taken)', () => {
    const { studio, run, press } = started();
    expect(press(' ').defaultPrevented).toBe(true);
    press('n');
    studio.selection.select(['out'], ['wx']);
    press('Delete');
    press('o');
    expect(run).not.toHaveBeenCalled();
    expect(studio.stepper.getState().active).toBe(false);
    expect(studio.document.getState().doc.edges).toHaveLength(1);
    studio.stop();
  });

  it('work again on a step that neither hides nor locks, and once the lesson is left', () => {
    const { studio, run, press } = started();
    studio.lessons.next();
    press('n');
    expect(studio.stepper.getState().active).toBe(true);
    studio.lessons.leave();
    press(' ');
    expect(run).toHaveBeenCalledWith('training.playPause');
    studio.stop();
  });

  it('the table: each shortcut by its control and lock, nothing without a lesson', () => {
    const { studio } = started();
    const s = studio.lesson.getState();
    for (const target of ['training.playPause', 'training.step', 'training.epoch', 'training.reset', 'stepper', 'edit.delete', 'edit.cut', 'edit.paste', 'edit.duplicate', 'edit.toggleOff'] as const) {
      expect(shortcutInert(target, s), target).toBe(true);
    }
    for (const target of ['edit.undo', 'edit.copy', 'edit.selectAll', 'view.fit', 'view.zoomIn'] as const) expect(shortcutInert(target, s), target).toBe(false);
    studio.lessons.leave();
    expect(shortcutInert('training.playPause', studio.lesson.getState())).toBe(false);
    studio.stop();
  });

  it('the desktop menu’s commands too: Training › Play with Play hidden says why and does not play', async () => {
    let menu: (id: CommandId) => void = () => undefined;
    const platform = fakePlatform({ kind: 'electron', onCommand: (handler) => ((menu = handler), () => undefined) });
    const studio = testStudio({ env: fakeEnv({ platform }) });
    studio.start();
    studio.document.loadDocument(withLesson());
    const run = vi.spyOn(studio.commands, 'run');
    menu('training.playPause');
    menu('edit.delete');
    await Promise.resolve();
    expect(run).not.toHaveBeenCalled();
    expect(studio.notices.getState().notices.map((n) => n.message)).toContain(MENU_INERT);
    studio.lessons.leave();
    menu('training.playPause');
    await Promise.resolve();
    expect(run).toHaveBeenCalledWith('training.playPause');
    studio.stop();
  });
});
