// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../../src/engine/format/types';
import { shortcutFor } from '../../../src/renderer/src/canvas/editShortcuts';
import { edgeAblation, offNodeIds, toggleTarget } from '../../../src/renderer/src/canvas/ablation';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import type { FromWorker, ToWorker } from '../../../src/renderer/src/training/protocol';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import { layeredDoc } from '../training/fixtures';

// Switching a neuron or an edge off (ablation) from the editor: one undo step, never an output,
// and the change reaches what computes: the training worker and the live values.

function scriptedWorker() {
  const sent: ToWorker[] = [];
  const port: WorkerPort<ToWorker, FromWorker> = { postMessage: (m) => void sent.push(m), terminate: () => undefined, onmessage: null, onerror: null };
  return { port, sent, last: () => sent.filter((m): m is Extract<ToWorker, { type: 'load' }> => m.type === 'load').at(-1) };
}

const doc: GraphDoc = layeredDoc([2], { count: 6 });
const EDGE = 'h0_0->out';
let worker = scriptedWorker();
let studio = testStudio();

beforeEach(() => {
  worker = scriptedWorker();
  studio = testStudio({ env: fakeEnv({ trainerWorker: () => worker.port as WorkerPort<unknown, unknown> }), initial: doc });
  studio.start();
});

const node = (id: string) => studio.document.getState().doc.nodes.find((n) => n.id === id)!;
const edge = (id: string) => studio.document.getState().doc.edges.find((e) => e.id === id)!;
const toggle = () => studio.commands.run('edit.toggleOff');

describe('switching off (ablation)', () => {
  it('switches the selected neuron off and back on, each one undo step', async () => {
    studio.selection.select(['h0_1']);
    await toggle();
    expect(node('h0_1').off).toBe(true);
    expect(studio.document.getState().past.at(-1)?.label).toBe('Switch off');
    await toggle();
    expect(node('h0_1').off).toBeUndefined();
    studio.document.undo();
    expect(node('h0_1').off).toBe(true);
    studio.document.undo();
    expect(node('h0_1').off).toBeUndefined();
    expect(studio.document.getState().past).toHaveLength(0);
  });

  it('switches an edge off; a selection partly off goes all off first', async () => {
    studio.selection.select(['h0_0'], [EDGE]);
    studio.document.setOff([], [EDGE], true);
    await toggle();
    expect(node('h0_0').off).toBe(true);
    expect(edge(EDGE).off).toBe(true);
    await toggle();
    expect(node('h0_0').off).toBeUndefined();
    expect(edge(EDGE).off).toBeUndefined();
  });

  it('never switches an output neuron off, and says why', async () => {
    studio.selection.select(['out']);
    await toggle();
    expect(node('out').off).toBeUndefined();
    expect(studio.document.getState().past).toHaveLength(0);
    expect(studio.notices.getState().notices.at(-1)?.message).toMatch(/output neuron cannot be switched off/);
  });

  it('an output neuron made of an off neuron comes back on (the file forbids an off output)', () => {
    studio.document.setOff(['h0_0'], [], true);
    studio.document.updateNodes(['h0_0'], { output: 1 });
    expect(node('h0_0').off).toBeUndefined();
  });

  it('is the O key, unmodified', () => {
    const key = (k: string, mods = {}) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(key('o')).toBe('edit.toggleOff');
    expect(key('O', { shiftKey: true })).toBe('edit.toggleOff');
    expect(key('o', { ctrlKey: true })).not.toBe('edit.toggleOff');
  });

  it('reaches the training worker at once, while it runs: a neuron off, then an edge off', async () => {
    studio.controller.play();
    studio.selection.select(['h0_1']);
    await toggle();
    expect(worker.last()!.doc.nodes.find((n) => n.id === 'h0_1')!.off).toBe(true);
    studio.selection.select([], [EDGE]);
    await toggle();
    expect(worker.last()!.doc.edges.find((e) => e.id === EDGE)!.off).toBe(true);
    expect(studio.training.getState().running).toBe(true);
  });

  it('reaches the live values: an off neuron’s s and z are 0 for the example in hand', async () => {
    studio.fake.clock.frame();
    expect(studio.live.getState().nodes['h0_1']?.z).not.toBe(0);
    studio.selection.select(['h0_1']);
    await toggle();
    studio.fake.clock.frame();
    expect(studio.live.getState().nodes['h0_1']?.z).toBe(0);
    expect(studio.live.getState().nodes['h0_1']?.s).toBe(0);
  });
});

describe('how an edge is drawn', () => {
  it('is off itself, frozen by an off end, or on', () => {
    const off = offNodeIds([{ id: 'a', type: 'bias', off: true }, { id: 'b', type: 'bias' }]);
    expect(edgeAblation({ source: 'b', target: 'c', off: true }, off)).toBe('off');
    expect(edgeAblation({ source: 'a', target: 'c' }, off)).toBe('frozen');
    expect(edgeAblation({ source: 'b', target: 'c' }, off)).toBe('on');
  });

  it('the command switches only what can be: outputs are left out of the target', () => {
    expect(toggleTarget(doc, ['out', 'h0_0'], [])).toEqual({ nodeIds: ['h0_0'], edgeIds: [], off: true });
  });
});
