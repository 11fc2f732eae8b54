// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Platform } from '../../../src/renderer/src/platform/types';
import { selectDirty } from '../../../src/renderer/src/store/document';
import { BACKGROUND_DRAFT_DELAY_MS, DRAFT_DELAY_MS, draftFailureReason } from '../../../src/renderer/src/files/recovery';
import { parseGraph, serializeGraph } from '../../../src/engine';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';

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

  it('drafts training’s weights (no undo entry) seldom, and an edit among them within the usual delay', () => {
    const tutorial = parseGraph(tutorialText);
    if (!tutorial.ok) throw tutorial.error;
    studio.document.loadDocument(tutorial.doc);
    stop = studio.recovery.startAutosave();
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const edgeId = tutorial.doc.edges[0].id;
    const train = (w: number) => studio.document.setWeights({ [edgeId]: w }, { history: false });
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(2);
    const writes = BACKGROUND_DRAFT_DELAY_MS / DRAFT_DELAY_MS - 1;
    for (let i = 1; i <= writes; i++) {
      train(i / 10);
      studio.fake.clock.advance(DRAFT_DELAY_MS);
    }
    expect(saveDraft).toHaveBeenCalledTimes(2); // training writes every 2 s for 18 s: none drafted yet
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(3); // the first one's background delay is up
    train(3);
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    edit(); // an edit after a training write: drafted within the usual delay, with the weights
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(4);
    expect((saveDraft.mock.calls[3] as unknown[])[0]).toMatchObject({ text: serializeGraph(studio.document.getState().doc) });
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

  it('writes the draft at once when the page is hidden or closing, so an edit just made survives a crash', () => {
    stop = studio.recovery.startAutosave();
    edit();
    studio.fake.clock.advance(500);
    studio.fake.hidePage();
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect((saveDraft.mock.calls[0] as unknown[])[0]).toMatchObject({ text: serializeGraph(studio.document.getState().doc) });
    // the timer it replaced does not write the same draft again, nor does hiding with nothing new
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    studio.fake.hidePage();
    expect(saveDraft).toHaveBeenCalledTimes(1);
  });

  it('says plainly, once, when a draft cannot be kept (the browser’s quota), and again after one was kept', async () => {
    saveDraft.mockRejectedValue(new Error('the browser’s storage for this page is full'));
    stop = studio.recovery.startAutosave();
    const errors = () => studio.notices.getState().notices.filter((n) => n.kind === 'error').map((n) => n.message);
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    await vi.waitFor(() => expect(errors()).toHaveLength(1));
    expect(errors()[0]).toBe(
      'Recovery is off: your unsaved changes could not be kept as a recovery draft (the browser’s storage for this page is full). Save the document to keep your work.',
    );
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    await new Promise((r) => setTimeout(r, 0));
    expect(saveDraft).toHaveBeenCalledTimes(2);
    expect(errors()).toHaveLength(1);
  });

  it('never writes a draft the app could not open again: the previous draft stays, and it says why, once', async () => {
    stop = studio.recovery.startAutosave();
    edit();
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const kept = (saveDraft.mock.calls[0] as unknown[])[0] as { text: string };
    expect(parseGraph(kept.text).ok).toBe(true);
    // an example with two targets for the net's one output: serialisable, but no file the reader accepts
    studio.document.setExamples([{ x: [0.5, -0.5], y: [1, 0] }]);
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    studio.document.setExamples([{ x: [0.25, -0.5], y: [1, 0] }]);
    studio.fake.clock.advance(DRAFT_DELAY_MS);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const errors = studio.notices.getState().notices.filter((n) => n.kind === 'error').map((n) => n.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Recovery is off: your unsaved changes could not be kept as a recovery draft \(.*target.*\)\. Save the document to keep your work\.$/);
  });

  it('names the reason of a desktop refusal without the IPC wrapping', () => {
    expect(draftFailureReason(new Error("Error invoking remote method 'draft:save': Error: the disk is full"))).toBe('the disk is full');
  });
});
