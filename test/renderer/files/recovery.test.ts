// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Platform } from '../../../src/renderer/src/platform/types';
import { selectDirty } from '../../../src/renderer/src/store/document';
import { DRAFT_DELAY_MS } from '../../../src/renderer/src/files/recovery';
import { serializeGraph } from '../../../src/engine';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

let saveDraft = vi.fn(async () => undefined);
let clearDraft = vi.fn(async () => undefined);
let loadDraft = vi.fn(async (): Promise<Awaited<ReturnType<Platform['loadDraft']>>> => null);
let studio = testStudio();
let stop: () => void = () => undefined;

beforeEach(() => {
  saveDraft = vi.fn(async () => undefined);
  clearDraft = vi.fn(async () => undefined);
  loadDraft = vi.fn(async () => null);
  studio = testStudio({ env: fakeEnv({ platform: fakePlatform({ saveDraft, clearDraft, loadDraft }) }) });
});
afterEach(() => stop());

const edit = () => studio.document.addNode({ type: 'neuron', activation: 'tanh', position: { x: 200, y: 0 } });

describe('recovery drafts', () => {
  it('writes the unsaved document a few seconds after a change, once per delay while edits keep coming', () => {
    stop = studio.recovery.startAutosave();
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS - 1);
    expect(saveDraft).not.toHaveBeenCalled();
    edit();
    studio.fake.clock.advance(1);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect((saveDraft.mock.calls[0] as unknown[])[0]).toEqual({ text: serializeGraph(studio.document.getState().doc), fileName: 'Untitled.bpgraph.json', filePath: null });
  });

  it('removes the draft once the document is saved', () => {
    stop = studio.recovery.startAutosave();
    edit();
    studio.document.markSaved({ fileName: 'n.bpgraph.json' });
    expect(clearDraft).toHaveBeenCalled();
    studio.fake.clock.advance(DRAFT_DELAY_MS * 2);
    expect(saveDraft).not.toHaveBeenCalled();
  });

  it('offers a draft left by an earlier session, and restores it as unsaved work', async () => {
    edit();
    const text = serializeGraph(studio.document.getState().doc);
    studio.document.newDocument();
    loadDraft.mockResolvedValueOnce({ text, fileName: 'lost.bpgraph.json', filePath: '/x/lost.bpgraph.json', savedAt: 1 });
    await studio.recovery.findDraft();
    expect(studio.recovery.getState().offer?.fileName).toBe('lost.bpgraph.json');
    studio.recovery.restoreDraft();
    const s = studio.document.getState();
    expect(serializeGraph(s.doc)).toBe(text);
    expect([s.fileName, s.filePath, selectDirty(s)]).toEqual(['lost.bpgraph.json', '/x/lost.bpgraph.json', true]);
    expect(studio.recovery.getState().offer).toBeNull();
  });

  it('drops a draft that no longer parses instead of offering it', async () => {
    loadDraft.mockResolvedValueOnce({ text: '{"torn', fileName: 'a', filePath: null, savedAt: 1 });
    await studio.recovery.findDraft();
    expect(studio.recovery.getState().offer).toBeNull();
    expect(clearDraft).toHaveBeenCalled();
  });
});
