// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ platform: {} as Record<string, unknown> }));
vi.mock('../../../src/renderer/src/platform', () => ({ platform: fake.platform }));

import { addNode, markSaved, newDocument, selectDirty, useDocument } from '../../../src/renderer/src/store/document';
import { DRAFT_DELAY_MS, findDraft, restoreDraft, startDraftAutosave, useRecovery } from '../../../src/renderer/src/files/recovery';
import { serializeGraph } from '../../../src/engine';

let saveDraft: ReturnType<typeof vi.fn>;
let clearDraft: ReturnType<typeof vi.fn>;
let stop: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  saveDraft = vi.fn(async () => undefined);
  clearDraft = vi.fn(async () => undefined);
  Object.assign(fake.platform, { saveDraft, clearDraft, loadDraft: vi.fn(async () => null) });
  newDocument();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

const edit = () => addNode({ type: 'neuron', activation: 'tanh', position: { x: 200, y: 0 } });

describe('recovery drafts', () => {
  it('writes the unsaved document a few seconds after a change, once per delay while edits keep coming', () => {
    stop = startDraftAutosave();
    edit();
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    expect(saveDraft).not.toHaveBeenCalled();
    edit();
    vi.advanceTimersByTime(1);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft.mock.calls[0][0]).toEqual({ text: serializeGraph(useDocument.getState().doc), fileName: 'Untitled.bpgraph.json', filePath: null });
  });

  it('removes the draft once the document is saved', () => {
    stop = startDraftAutosave();
    edit();
    markSaved({ fileName: 'n.bpgraph.json' });
    expect(clearDraft).toHaveBeenCalled();
    vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
    expect(saveDraft).not.toHaveBeenCalled();
  });

  it('offers a draft left by an earlier session, and restores it as unsaved work', async () => {
    edit();
    const text = serializeGraph(useDocument.getState().doc);
    newDocument();
    (fake.platform.loadDraft as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ text, fileName: 'lost.bpgraph.json', filePath: '/x/lost.bpgraph.json', savedAt: 1 });
    await findDraft();
    expect(useRecovery.getState().offer?.fileName).toBe('lost.bpgraph.json');
    restoreDraft();
    const s = useDocument.getState();
    expect(serializeGraph(s.doc)).toBe(text);
    expect([s.fileName, s.filePath, selectDirty(s)]).toEqual(['lost.bpgraph.json', '/x/lost.bpgraph.json', true]);
    expect(useRecovery.getState().offer).toBeNull();
  });

  it('drops a draft that no longer parses instead of offering it', async () => {
    (fake.platform.loadDraft as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ text: '{"torn', fileName: 'a', filePath: null, savedAt: 1 });
    await findDraft();
    expect(useRecovery.getState().offer).toBeNull();
    expect(clearDraft).toHaveBeenCalled();
  });
});
