// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { writeGraph, type GraphDoc } from '../../../src/engine';
import { createStudio } from '../../../src/renderer/src/studio/createStudio';
import type { SharePage } from '../../../src/renderer/src/files/shareFlows';
import { SHARE_LINK_MAX_CHARS } from '../../../src/renderer/src/files/shareLink';
import type { Platform } from '../../../src/renderer/src/platform/types';
import { fakeEnv, fakePlatform } from '../studio/fakeEnv';
import { layeredDoc } from '../training/fixtures';

// File › Copy share link and opening a page at a link, in a studio on a fake page.

const PAGE = 'https://example.org/studio/index.html';

function fakePage(fragment = '', copy: (text: string) => Promise<void> = async () => undefined) {
  const copied: string[] = [];
  let hash = fragment;
  const listeners = new Set<() => void>();
  const page: SharePage = {
    url: () => PAGE + hash,
    fragment: () => hash,
    clearFragment: () => void (hash = ''),
    copyText: async (text) => {
      await copy(text);
      copied.push(text);
    },
    onFragmentChange: (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  };
  /** a link pasted into the address bar of the open page: only the fragment changes */
  const paste = (next: string) => {
    hash = next;
    listeners.forEach((fn) => fn());
  };
  return { page, copied, hash: () => hash, paste, listening: () => listeners.size };
}

function studioOn(page: SharePage, initial: GraphDoc, platform: Partial<Platform> = {}) {
  return createStudio(fakeEnv({ platform: fakePlatform(platform) }), { initial, sharePage: page });
}

const text = (doc: GraphDoc) => {
  const w = writeGraph(doc);
  if (!w.ok) throw new Error(w.error.message);
  return w.text;
};

/** a laid-out document (one without positions is laid out as it opens, like a file) */
function named(name: string, count = 8): GraphDoc {
  const doc = layeredDoc([2], { count });
  return { ...doc, name, nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: 200 * (i % 3), y: 90 * i } })) };
}

describe('Copy share link', () => {
  it('puts a link to the open document on the clipboard and shows it', async () => {
    const { page, copied } = fakePage();
    const studio = studioOn(page, named('Mine'));
    studio.start();
    await studio.commands.run('file.copyShareLink');
    const dialog = studio.share!.getState().dialog;
    expect(dialog?.kind === 'link' && dialog.copied).toBe(true);
    expect(copied).toHaveLength(1);
    expect(dialog?.kind === 'link' && dialog.url).toBe(copied[0]);
    expect(copied[0].startsWith(`${PAGE}#doc=`)).toBe(true);
    studio.stop();
  });

  it('shows the link to copy by hand when the browser keeps the clipboard to itself', async () => {
    const { page } = fakePage('', async () => Promise.reject(new Error('NotAllowedError')));
    const studio = studioOn(page, named('Mine'));
    await studio.share!.copyShareLink();
    const dialog = studio.share!.getState().dialog;
    expect(dialog?.kind === 'link' && !dialog.copied && dialog.url.startsWith(PAGE)).toBe(true);
  });

  it('refuses a document too big for a link and offers to save the file instead, which saves it', async () => {
    const saveDocument = vi.fn<Platform['saveDocument']>(async (_t, o) => ({ status: 'saved', fileName: o.fileName, filePath: null }));
    const { page, copied } = fakePage();
    const studio = studioOn(page, named('Big', 6000), { saveDocument });
    await studio.share!.copyShareLink();
    const dialog = studio.share!.getState().dialog;
    expect(dialog?.kind).toBe('refused');
    if (dialog?.kind !== 'refused') return;
    expect(dialog.canSave).toBe(true);
    expect(dialog.message).toContain(SHARE_LINK_MAX_CHARS.toLocaleString('en-US'));
    expect(copied).toEqual([]);
    await studio.share!.saveInstead();
    expect(studio.share!.getState().dialog).toBeNull();
    expect(saveDocument).toHaveBeenCalledOnce();
    expect(saveDocument.mock.calls[0][0]).toBe(text(studio.document.getState().doc));
  });

  it('is a web page’s command only: the desktop shares files', () => {
    const studio = createStudio(fakeEnv({ platform: fakePlatform({ kind: 'electron' }) }), { initial: named('Mine'), sharePage: fakePage().page });
    studio.start();
    expect(studio.share).toBeNull();
    expect(studio.commands.has('file.copyShareLink')).toBe(false);
    studio.stop();
  });
});

describe('opening a page at a share link', () => {
  it('opens the link’s document exactly, on start, and takes the link out of the address', async () => {
    const shared = named('From a slide');
    const from = fakePage();
    const maker = studioOn(from.page, shared);
    await maker.share!.copyShareLink();
    const url = from.copied[0];

    const opened = fakePage(url.slice(url.indexOf('#')));
    const studio = studioOn(opened.page, named('What the page opens with'));
    studio.start();
    await vi.waitFor(() => expect(studio.document.getState().doc.name).toBe('From a slide'));
    expect(text(studio.document.getState().doc)).toBe(text(shared));
    expect(opened.hash()).toBe('');
    studio.stop();
  });

  it('says so for a link cut short, and keeps the open document and the recovery draft', async () => {
    const from = fakePage();
    const maker = studioOn(from.page, named('From a slide'));
    await maker.share!.copyShareLink();
    const url = from.copied[0];
    const cut = url.slice(url.indexOf('#'), url.length - 20);

    const clearDraft = vi.fn(async () => undefined);
    const draft = { text: text(named('My unsaved work')), fileName: 'Mine.bpgraph.json', filePath: null, savedAt: 0 };
    const opened = fakePage(cut);
    const initial = named('What the page opens with');
    const studio = studioOn(opened.page, initial, { clearDraft, loadDraft: async () => draft });
    studio.start();
    await vi.waitFor(() => expect(studio.notices.getState().notices.some((n) => n.kind === 'error')).toBe(true));
    const notice = studio.notices.getState().notices.find((n) => n.kind === 'error')!;
    expect(notice.message).toMatch(/cannot be opened: it is incomplete or damaged/);
    expect(notice.message).toMatch(/still open/);
    expect(studio.document.getState().doc).toBe(initial);
    await vi.waitFor(() => expect(studio.recovery.getState().offer).not.toBeNull());
    expect(clearDraft).not.toHaveBeenCalled();
    studio.stop();
  });

  it('names the problem in a link whose document breaks a rule, and keeps the open document', async () => {
    const broken = named('Broken');
    const cyclic: GraphDoc = { ...broken, edges: [...broken.edges, { id: 'back', source: 'out', target: 'h0_0', weight: 1 }] };
    const { strToU8, zlibSync } = await import('fflate');
    const { toBase64Url } = await import('../../../src/renderer/src/files/shareLink');
    const json = JSON.stringify({ format: 'backprop-studio.graph', version: 2, ...cyclic });
    const opened = fakePage(`#doc=${toBase64Url(zlibSync(strToU8(json)))}`);
    const initial = named('Kept');
    const studio = studioOn(opened.page, initial);
    expect(await studio.share!.openSharedLink()).toBe(false);
    const notice = studio.notices.getState().notices.find((n) => n.kind === 'error');
    expect(notice?.message).toMatch(/cannot be read/);
    expect(notice?.message).toMatch(/cycle/i);
    expect(studio.document.getState().doc).toBe(initial);
  });

  it('opens a link pasted into the open page’s address, after the unsaved-changes question', async () => {
    const from = fakePage();
    const shared = named('Pasted');
    await studioOn(from.page, shared).share!.copyShareLink();
    const url = from.copied[0];

    const confirmUnsaved = vi.fn<Platform['confirmUnsaved']>(async () => 'cancel');
    const open = fakePage();
    const initial = named('Open');
    const studio = studioOn(open.page, initial, { confirmUnsaved });
    studio.start();
    studio.document.updateNodes(['h0_0'], { label: 'edited' }); // unsaved work
    open.paste(url.slice(url.indexOf('#')));
    await vi.waitFor(() => expect(confirmUnsaved).toHaveBeenCalledOnce());
    expect(studio.document.getState().doc.name).toBe('Open'); // Cancel keeps the work
    confirmUnsaved.mockResolvedValue('discard');
    open.paste(url.slice(url.indexOf('#')));
    await vi.waitFor(() => expect(studio.document.getState().doc.name).toBe('Pasted'));
    expect(text(studio.document.getState().doc)).toBe(text(shared));
    studio.stop();
    expect(open.listening()).toBe(0);
  });

  it('leaves a page without a link alone', async () => {
    const initial = named('Kept');
    const studio = studioOn(fakePage('#somewhere').page, initial);
    expect(await studio.share!.openSharedLink()).toBe(false);
    expect(studio.notices.getState().notices).toEqual([]);
    expect(studio.document.getState().doc).toBe(initial);
  });
});
