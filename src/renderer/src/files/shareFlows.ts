import { createStore } from 'zustand/vanilla';
import { parseGraph } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { AutoLayout } from '../layout/autoLayout';
import { describeLoadError } from './documentFlows';
import { shareLink, sharedDocText } from './shareLink';

// File › Copy share link, and opening a page whose address holds one (at start, or pasted into
// the address bar of the open page, which changes only the fragment and reloads nothing). A link
// is made from the document as it stands; opening one reads it exactly like a file (parseGraph:
// migrations and every rule) and replaces the document only when it reads — on a page already
// open, after the unsaved-changes question. A bad link says why and leaves the open document and
// any recovery draft alone.

/** what the share dialog shows: the link (with whether it reached the clipboard), or why there is none */
export type ShareDialog =
  | { kind: 'link'; url: string; copied: boolean }
  | { kind: 'refused'; title: string; message: string; canSave: boolean };

export interface ShareState {
  dialog: ShareDialog | null;
}

/** the page the studio runs in: its address and its clipboard */
export interface SharePage {
  /** the page's address (a link is made from it, without its fragment) */
  url(): string;
  /** the address's fragment, e.g. `#doc=…` ('' for none) */
  fragment(): string;
  /** takes the fragment out of the address bar, so a reload opens the recovery draft, not the link again */
  clearFragment(): void;
  /** writes to the system clipboard; rejects where the browser refuses */
  copyText(text: string): Promise<void>;
  /** calls `fn` when the address's fragment changes (a link pasted into the open page); returns the unsubscribe */
  onFragmentChange(fn: () => void): () => void;
}

export interface ShareDeps {
  document: DocumentStore;
  notices: Pick<Notices, 'notify'>;
  layout: Pick<AutoLayout, 'arranged'>;
  /** Save (the refusal's "Save the file instead") */
  save: () => Promise<boolean>;
  /** the unsaved-changes question before a link replaces the open document: true when it may */
  ensureSaved: () => Promise<boolean>;
  page: SharePage;
}

export function createShareFlows({ document, notices, layout, save, ensureSaved, page }: ShareDeps) {
  const store = createStore<ShareState>(() => ({ dialog: null }));

  /** File › Copy share link: the link to the clipboard and on screen, or why not */
  async function copyShareLink(): Promise<void> {
    const link = shareLink(document.getState().doc, page.url());
    if (!link.ok) {
      const title = link.reason === 'too-long' ? 'This document is too big for a share link' : 'This document cannot be shared';
      store.setState({ dialog: { kind: 'refused', title, message: link.message, canSave: link.reason === 'too-long' } });
      return;
    }
    const copied = await page.copyText(link.url).then(
      () => true,
      () => false,
    );
    store.setState({ dialog: { kind: 'link', url: link.url, copied } });
  }

  /** the refusal's action: save the document as a file, closing the dialog first */
  async function saveInstead(): Promise<void> {
    close();
    await save();
  }

  function close(): void {
    store.setState({ dialog: null });
  }

  /**
   * The document a link in the address holds replaces the open one; true when it did. At start the
   * page's own document is replaced at once; later (`ask`), after the unsaved-changes question.
   */
  async function openSharedLink(opts: { ask?: boolean } = {}): Promise<boolean> {
    const shared = sharedDocText(page.fragment());
    if (shared.kind === 'none') return false;
    if (opts.ask && !(await ensureSaved())) return false;
    if (shared.kind === 'bad') {
      notices.notify(`${shared.message} The document you had is still open.`, 'error');
      return false;
    }
    const parsed = parseGraph(shared.text);
    if (!parsed.ok) {
      notices.notify(`This share link’s document cannot be read:\n${describeLoadError(parsed.error)}\nThe document you had is still open.`, 'error');
      return false;
    }
    const arranged = await layout.arranged(parsed.doc);
    if (!arranged) return false;
    document.loadDocument(arranged);
    page.clearFragment();
    notices.notify(`Opened “${arranged.name ?? 'the shared document'}” from the link.`, 'info');
    return true;
  }

  /** opens the link in the address now, and any link pasted into the address later; returns the stop */
  function start(): () => void {
    void openSharedLink();
    return page.onFragmentChange(() => void openSharedLink({ ask: true }));
  }

  return Object.assign(store, { copyShareLink, saveInstead, close, openSharedLink, start });
}

export type ShareFlows = ReturnType<typeof createShareFlows>;

/** the browser page's address and clipboard */
export function browserSharePage(win: Window): SharePage {
  return {
    url: () => win.location.href,
    fragment: () => win.location.hash,
    clearFragment: () => win.history.replaceState(win.history.state, '', win.location.href.split('#')[0]),
    copyText: (text) => (win.navigator.clipboard ? win.navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'))),
    onFragmentChange(fn) {
      win.addEventListener('hashchange', fn);
      return () => win.removeEventListener('hashchange', fn);
    },
  };
}
