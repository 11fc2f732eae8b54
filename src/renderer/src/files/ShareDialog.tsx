import { memo, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ShareDialog as ShareDialogState, ShareFlows } from './shareFlows';
import './files.css';
import './share.css';
import { useStudio } from '../studio/StudioContext';

// File › Copy share link's answer: the link itself in a field (selected, so it can be copied by
// hand where the browser kept the clipboard to itself), or why there is no link, with "Save the
// file instead". Escape closes it.
export const ShareDialog = memo(function ShareDialog() {
  const share = useStudio().share;
  return share ? <ShareDialogFor share={share} /> : null;
});

function ShareDialogFor({ share }: { share: ShareFlows }) {
  const dialog = useStore(share, (s) => s.dialog);
  useEffect(() => {
    if (!dialog) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      share.close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dialog, share]);
  if (!dialog) return null;
  return <div className="files-backdrop">{dialog.kind === 'link' ? <LinkShown dialog={dialog} share={share} /> : <Refused dialog={dialog} share={share} />}</div>;
}

function LinkShown({ dialog, share }: { dialog: Extract<ShareDialogState, { kind: 'link' }>; share: ShareFlows }) {
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.select(), [dialog.url]);
  return (
    <div className="files-dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" aria-describedby="share-detail">
      <h2 id="share-title">{dialog.copied ? 'Share link copied' : 'Share link'}</h2>
      <p id="share-detail">
        {dialog.copied ? 'The link is on the clipboard. ' : 'The browser did not let the page use the clipboard: copy the link below. '}
        It holds the whole document ({dialog.url.length.toLocaleString('en-US')} characters); whoever opens it sees this graph, its data and its weights.
      </p>
      <textarea ref={field} className="share-url" aria-label="Share link" readOnly value={dialog.url} rows={4} spellCheck={false} />
      <div className="files-dialog-buttons">
        <span className="files-spacer" />
        <button type="button" className="files-primary" onClick={share.close}>
          Done
        </button>
      </div>
    </div>
  );
}

function Refused({ dialog, share }: { dialog: Extract<ShareDialogState, { kind: 'refused' }>; share: ShareFlows }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="files-dialog share-dialog" role="alertdialog" aria-modal="true" aria-labelledby="share-refused-title" aria-describedby="share-refused-detail">
      <h2 id="share-refused-title">{dialog.title}</h2>
      <p id="share-refused-detail" className="share-refused-detail">
        {dialog.message}
      </p>
      <div className="files-dialog-buttons">
        <span className="files-spacer" />
        <button type="button" onClick={share.close}>
          Close
        </button>
        {dialog.canSave && (
          <button type="button" className="files-primary" ref={first} onClick={() => void share.saveInstead()}>
            Save the file instead
          </button>
        )}
      </div>
    </div>
  );
}
