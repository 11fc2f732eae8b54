// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../src/renderer/src/platform/types';

// The file flows against a scripted platform: what a person sees and what happens to the
// document when they open good and bad files, save, and answer the unsaved-changes question.

import { selectDirty } from '../../../src/renderer/src/store/document';
import { parseGraph } from '../../../src/engine';
import tutorial from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

function scriptedPlatform() {
  return {
    ...fakePlatform(),
    kind: 'web' as Platform['kind'],
    openDocument: vi.fn(async () => ({ status: 'cancelled' })),
    saveDocument: vi.fn(async (_t: string, o: { fileName: string }) => ({ status: 'saved', fileName: o.fileName, filePath: null })),
    confirmUnsaved: vi.fn(async () => 'cancel'),
    showError: vi.fn(async () => undefined),
    clearDraft: vi.fn(async () => undefined),
    closeWindow: vi.fn(),
  };
}

let p = scriptedPlatform();
let studio = testStudio();
beforeEach(() => {
  p = scriptedPlatform();
  studio = testStudio({ env: fakeEnv({ platform: p as unknown as Platform }) });
});

const edit = () => studio.document.addNode({ type: 'neuron', activation: 'sigmoid', position: { x: 300, y: 0 } });

describe('opening', () => {
  it('loads a good file under its name, clean', async () => {
    expect(await studio.flows.applyOpened({ status: 'opened', text: tutorial, fileName: 'tutorial.bpgraph.json', filePath: '/t/tutorial.bpgraph.json' })).toBe(true);
    const s = studio.document.getState();
    expect(s.fileName).toBe('tutorial.bpgraph.json');
    expect(s.filePath).toBe('/t/tutorial.bpgraph.json');
    expect(s.doc.nodes.map((n) => n.id)).toContain('6');
    expect(selectDirty(s)).toBe(false);
  });

  it('fits the view to the opened graph once it is on the canvas (an old view could show none of it)', async () => {
    const fit = vi.fn();
    studio.shownView.register({ beforeRender: () => false, afterRender: fit });
    await studio.flows.applyOpened({ status: 'opened', text: tutorial, fileName: 'tutorial.bpgraph.json', filePath: null });
    expect(fit).not.toHaveBeenCalled(); // the canvas renders the new nodes first
    studio.fake.clock.frame();
    expect(fit).toHaveBeenCalledTimes(1);
  });

  it('shows what is wrong with a bad file and leaves the open document untouched', async () => {
    const parsed = parseGraph(tutorial);
    if (!parsed.ok) throw parsed.error;
    studio.document.loadDocument(parsed.doc, { fileName: 'mine.bpgraph.json' });
    edit();
    const before = studio.document.getState();
    const doc = JSON.parse(tutorial);
    doc.edges[0].weight = '0.5';
    expect(await studio.flows.applyOpened({ status: 'opened', text: JSON.stringify(doc), fileName: 'bad.json', filePath: null })).toBe(false);
    expect(p.showError).toHaveBeenCalledWith('Couldn’t open “bad.json”', expect.stringContaining('edges[0].weight'));
    const after = studio.document.getState();
    expect(after.doc).toBe(before.doc);
    expect(after.fileName).toBe('mine.bpgraph.json');
    expect(selectDirty(after)).toBe(true);
  });

  it('passes on a read error from the platform as a dialog', async () => {
    await studio.flows.applyOpened({ status: 'error', fileName: 'gone.json', message: '“gone.json” could not be found.' });
    expect(p.showError).toHaveBeenCalledWith('Couldn’t open “gone.json”', '“gone.json” could not be found.');
  });
});

describe('unsaved changes', () => {
  it('does not ask when nothing changed', async () => {
    expect(await studio.flows.ensureSaved()).toBe(true);
    expect(p.confirmUnsaved).not.toHaveBeenCalled();
  });

  it('Cancel keeps the document and stops Open before any file is chosen', async () => {
    edit();
    const doc = studio.document.getState().doc;
    await studio.flows.openFile();
    expect(p.confirmUnsaved).toHaveBeenCalledWith('Untitled');
    expect(p.openDocument).not.toHaveBeenCalled();
    expect(studio.document.getState().doc).toBe(doc);
  });

  it('Don’t Save replaces the document; Save saves first', async () => {
    edit();
    p.confirmUnsaved.mockResolvedValueOnce('discard');
    await studio.flows.newFile();
    expect(studio.document.getState().doc.nodes.some((n) => n.position?.x === 300)).toBe(false);
    expect(p.saveDocument).not.toHaveBeenCalled();

    edit();
    p.confirmUnsaved.mockResolvedValueOnce('save');
    await studio.flows.newFile();
    expect(p.saveDocument).toHaveBeenCalledTimes(1);
    expect(selectDirty(studio.document.getState())).toBe(false);
  });

  it('a Save that fails or is cancelled keeps the document and its changes', async () => {
    edit();
    p.confirmUnsaved.mockResolvedValueOnce('save');
    p.saveDocument.mockResolvedValueOnce({ status: 'cancelled' } as never);
    const doc = studio.document.getState().doc;
    await studio.flows.newFile();
    expect(studio.document.getState().doc).toBe(doc);
    expect(selectDirty(studio.document.getState())).toBe(true);
  });
});

describe('saving', () => {
  it('sends the serialised document and marks it saved under the chosen name', async () => {
    edit();
    p.saveDocument.mockResolvedValueOnce({ status: 'saved', fileName: 'net.bpgraph.json', filePath: '/d/net.bpgraph.json' } as never);
    expect(await studio.flows.saveDocument(true)).toBe(true);
    const [text, options] = p.saveDocument.mock.calls[0];
    expect(parseGraph(text).ok).toBe(true);
    expect(options).toEqual({ fileName: 'Untitled.bpgraph.json', filePath: null, saveAs: true });
    const s = studio.document.getState();
    expect([s.fileName, s.filePath, selectDirty(s)]).toEqual(['net.bpgraph.json', '/d/net.bpgraph.json', false]);
    expect(p.clearDraft).toHaveBeenCalled();
  });

  it('an edit made while the file was being written stays unsaved', async () => {
    edit();
    p.saveDocument.mockImplementationOnce(async (_t: string, o: { fileName: string }) => {
      edit();
      return { status: 'saved', fileName: o.fileName, filePath: null };
    });
    await studio.flows.saveDocument(false);
    expect(selectDirty(studio.document.getState())).toBe(true);
  });

  it('refuses to write non-finite weights, saying why', async () => {
    studio.document.setState((s) => ({ doc: { ...s.doc, edges: [{ id: 'e', source: 'in_x', target: 'in_y', weight: NaN }] }, revision: s.revision + 1000 }));
    expect(await studio.flows.saveDocument(false)).toBe(false);
    expect(p.saveDocument).not.toHaveBeenCalled();
    expect(p.showError).toHaveBeenCalledWith('Couldn’t save “Untitled”', expect.any(String));
  });

  it('shows a save the desktop refuses (its IPC contract) instead of losing it silently', async () => {
    edit();
    p.saveDocument.mockRejectedValueOnce(new Error("Error invoking remote method 'file:save': IpcRefused: IPC file:save refused: the payload does not match the contract"));
    expect(await studio.flows.saveDocument(false)).toBe(false);
    expect(p.showError).toHaveBeenCalledWith('Couldn’t save “Untitled”', expect.stringMatching(/^The app could not write the file \(.*\)\. Nothing was written; your work is still open\.$/));
    expect(selectDirty(studio.document.getState())).toBe(true);
    expect(p.clearDraft).not.toHaveBeenCalled();
  });
  it('writes nothing the reader would refuse: a label with a control character is named, not saved', async () => {
    const id = edit();
    studio.document.updateNodes([id], { label: 'tab\there' });
    expect(await studio.flows.saveDocument(false)).toBe(false);
    expect(p.saveDocument).not.toHaveBeenCalled();
    expect(p.showError).toHaveBeenCalledWith('Couldn’t save “Untitled”', expect.stringMatching(/^nodes\[\d+\]\.label: contains the control character U\+0009 .*\nNothing was written; your work is still open\.$/));
  });
});
