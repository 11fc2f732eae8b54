// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../src/renderer/src/platform/types';

// The file flows against a scripted platform: what a person sees and what happens to the
// document when they open good and bad files, save, and answer the unsaved-changes question.

const fake = vi.hoisted(() => ({
  platform: {} as Record<string, ReturnType<typeof import('vitest')['vi']['fn']>> & { kind: string },
}));
vi.mock('../../../src/renderer/src/platform', () => ({ platform: fake.platform }));

import { addNode, loadDocument, newDocument, selectDirty, useDocument } from '../../../src/renderer/src/store/document';
import { applyOpened, ensureSaved, newFile, openFile, saveDocument } from '../../../src/renderer/src/files/documentFlows';
import { parseGraph } from '../../../src/engine';
import tutorial from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';

const p = fake.platform as unknown as { [K in keyof Platform]: ReturnType<typeof vi.fn> };

beforeEach(() => {
  Object.assign(fake.platform, {
    kind: 'web',
    openDocument: vi.fn(async () => ({ status: 'cancelled' })),
    saveDocument: vi.fn(async (_t: string, o: { fileName: string }) => ({ status: 'saved', fileName: o.fileName, filePath: null })),
    confirmUnsaved: vi.fn(async () => 'cancel'),
    showError: vi.fn(async () => undefined),
    clearDraft: vi.fn(async () => undefined),
  });
  newDocument();
});

const edit = () => addNode({ type: 'neuron', activation: 'sigmoid', position: { x: 300, y: 0 } });

describe('opening', () => {
  it('loads a good file under its name, clean', async () => {
    expect(await applyOpened({ status: 'opened', text: tutorial, fileName: 'tutorial.bpgraph.json', filePath: '/t/tutorial.bpgraph.json' })).toBe(true);
    const s = useDocument.getState();
    expect(s.fileName).toBe('tutorial.bpgraph.json');
    expect(s.filePath).toBe('/t/tutorial.bpgraph.json');
    expect(s.doc.nodes.map((n) => n.id)).toContain('6');
    expect(selectDirty(s)).toBe(false);
  });

  it('shows what is wrong with a bad file and leaves the open document untouched', async () => {
    const parsed = parseGraph(tutorial);
    if (!parsed.ok) throw parsed.error;
    loadDocument(parsed.doc, { fileName: 'mine.bpgraph.json' });
    edit();
    const before = useDocument.getState();
    const doc = JSON.parse(tutorial);
    doc.edges[0].weight = '0.5';
    expect(await applyOpened({ status: 'opened', text: JSON.stringify(doc), fileName: 'bad.json', filePath: null })).toBe(false);
    expect(p.showError).toHaveBeenCalledWith('Couldn’t open “bad.json”', expect.stringContaining('edges[0].weight'));
    const after = useDocument.getState();
    expect(after.doc).toBe(before.doc);
    expect(after.fileName).toBe('mine.bpgraph.json');
    expect(selectDirty(after)).toBe(true);
  });

  it('passes on a read error from the platform as a dialog', async () => {
    await applyOpened({ status: 'error', fileName: 'gone.json', message: '“gone.json” could not be found.' });
    expect(p.showError).toHaveBeenCalledWith('Couldn’t open “gone.json”', '“gone.json” could not be found.');
  });
});

describe('unsaved changes', () => {
  it('does not ask when nothing changed', async () => {
    expect(await ensureSaved()).toBe(true);
    expect(p.confirmUnsaved).not.toHaveBeenCalled();
  });

  it('Cancel keeps the document and stops Open before any file is chosen', async () => {
    edit();
    const doc = useDocument.getState().doc;
    await openFile();
    expect(p.confirmUnsaved).toHaveBeenCalledWith('Untitled');
    expect(p.openDocument).not.toHaveBeenCalled();
    expect(useDocument.getState().doc).toBe(doc);
  });

  it('Don’t Save replaces the document; Save saves first', async () => {
    edit();
    p.confirmUnsaved.mockResolvedValueOnce('discard');
    await newFile();
    expect(useDocument.getState().doc.nodes.some((n) => n.position?.x === 300)).toBe(false);
    expect(p.saveDocument).not.toHaveBeenCalled();

    edit();
    p.confirmUnsaved.mockResolvedValueOnce('save');
    await newFile();
    expect(p.saveDocument).toHaveBeenCalledTimes(1);
    expect(selectDirty(useDocument.getState())).toBe(false);
  });

  it('a Save that fails or is cancelled keeps the document and its changes', async () => {
    edit();
    p.confirmUnsaved.mockResolvedValueOnce('save');
    p.saveDocument.mockResolvedValueOnce({ status: 'cancelled' });
    const doc = useDocument.getState().doc;
    await newFile();
    expect(useDocument.getState().doc).toBe(doc);
    expect(selectDirty(useDocument.getState())).toBe(true);
  });
});

describe('saving', () => {
  it('sends the serialised document and marks it saved under the chosen name', async () => {
    edit();
    p.saveDocument.mockResolvedValueOnce({ status: 'saved', fileName: 'net.bpgraph.json', filePath: '/d/net.bpgraph.json' });
    expect(await saveDocument(true)).toBe(true);
    const [text, options] = p.saveDocument.mock.calls[0];
    expect(parseGraph(text).ok).toBe(true);
    expect(options).toEqual({ fileName: 'Untitled.bpgraph.json', filePath: null, saveAs: true });
    const s = useDocument.getState();
    expect([s.fileName, s.filePath, selectDirty(s)]).toEqual(['net.bpgraph.json', '/d/net.bpgraph.json', false]);
    expect(p.clearDraft).toHaveBeenCalled();
  });

  it('an edit made while the file was being written stays unsaved', async () => {
    edit();
    p.saveDocument.mockImplementationOnce(async (_t: string, o: { fileName: string }) => {
      edit();
      return { status: 'saved', fileName: o.fileName, filePath: null };
    });
    await saveDocument(false);
    expect(selectDirty(useDocument.getState())).toBe(true);
  });

  it('refuses to write non-finite weights, saying why', async () => {
    useDocument.setState((s) => ({ doc: { ...s.doc, edges: [{ id: 'e', source: 'in_x', target: 'in_y', weight: NaN }] }, revision: s.revision + 1000 }));
    expect(await saveDocument(false)).toBe(false);
    expect(p.saveDocument).not.toHaveBeenCalled();
    expect(p.showError).toHaveBeenCalledWith('Couldn’t save “Untitled”', expect.any(String));
  });
});
