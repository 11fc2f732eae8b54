// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { displayName, exportName, windowTitle } from '../../../src/renderer/src/files/names';
import { fileShortcut } from '../../../src/renderer/src/files/shortcuts';
import { graphFileName, webPlatform, DRAFT_KEY } from '../../../src/renderer/src/platform/web';
import { createFileDialogs } from '../../../src/renderer/src/files/dialogStore';
import { createFileInput } from '../../../src/renderer/src/files/fileInput';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('names and titles', () => {
  it('shows the document without its extension, with a marker while unsaved', () => {
    expect(displayName('tutorial-2-5-1.bpgraph.json')).toBe('tutorial-2-5-1');
    expect(windowTitle('net.bpgraph.json', false)).toBe('net — Backprop Studio');
    expect(windowTitle('net.bpgraph.json', true)).toBe('● net — Backprop Studio');
    expect(exportName('net.bpgraph.json', 'png')).toBe('net.png');
    expect(graphFileName('My net')).toBe('My net.bpgraph.json');
    expect(graphFileName('a.json')).toBe('a.bpgraph.json');
  });
});

describe('browser shortcuts', () => {
  it('maps Ctrl/Cmd+N, O, S and Shift+S to the file commands, and nothing else', () => {
    expect(fileShortcut(key('n', { ctrlKey: true }))).toBe('file.new');
    expect(fileShortcut(key('o', { metaKey: true }))).toBe('file.open');
    expect(fileShortcut(key('s', { ctrlKey: true }))).toBe('file.save');
    expect(fileShortcut(key('S', { ctrlKey: true, shiftKey: true }))).toBe('file.saveAs');
    expect(fileShortcut(key('s'))).toBeNull();
    expect(fileShortcut(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(fileShortcut(key('z', { ctrlKey: true }))).toBeNull();
  });
});

describe('browser drafts', () => {
  it('round-trip through storage and ignore anything that is not a draft', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const web = webPlatform({ storage, dialogs: createFileDialogs(), fileInput: createFileInput() });
    expect(await web.loadDraft()).toBeNull();
    await web.saveDraft({ text: '{}', fileName: 'a.bpgraph.json', filePath: null });
    expect(await web.loadDraft()).toMatchObject({ text: '{}', fileName: 'a.bpgraph.json', filePath: null });
    store.set(DRAFT_KEY, '{"text": 1}');
    expect(await web.loadDraft()).toBeNull();
    await web.clearDraft();
    expect(store.has(DRAFT_KEY)).toBe(false);
  });
});
