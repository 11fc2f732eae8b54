import { memo, useEffect } from 'react';
import { selectDirty, useDocument } from '../store/document';
import { platform } from '../platform';
import { confirmClose, openArrived } from './documentFlows';
import { registerFileCommands, runMenuCommand } from './fileCommands';
import { installFileShortcuts } from './shortcuts';
import { installDropOpen } from './dropOpen';
import { findDraft, startDraftAutosave } from './recovery';
import { onUnsolicitedFile } from './fileInput';
import { windowTitle } from './names';
import { FileInput } from './FileInput';
import { FileDialog } from './FileDialog';
import { RecoveryBanner } from './RecoveryBanner';

// Everything about files that lives for the whole session: the file commands, shortcuts (in the
// browser), drops, the desktop's menu and close requests, the window title, recovery drafts.
export const FilesHost = memo(function FilesHost() {
  useFileSession();
  useWindowTitle();
  return (
    <>
      <FileInput />
      <FileDialog />
      <RecoveryBanner />
    </>
  );
});

function useFileSession(): void {
  useEffect(() => {
    const offs = [registerFileCommands(), installDropOpen()];
    if (platform.kind === 'web') {
      offs.push(installFileShortcuts(), installBeforeUnload());
    }
    offs.push(
      platform.onCommand((id) => void runMenuCommand(id)),
      platform.onOpenRequest((read) => void openArrived(read)),
      platform.onCloseRequest(confirmClose),
    );
    onUnsolicitedFile((file) => void openArrived(() => platform.openDroppedFile(file)));
    let stopDrafts = () => undefined as void;
    let live = true;
    // a draft that cannot be read is no reason to stop protecting the work from here on
    void findDraft().catch(() => undefined).then(() => {
      if (!live) return;
      stopDrafts = startDraftAutosave();
      platform.ready();
    });
    return () => {
      live = false;
      stopDrafts();
      offs.forEach((off) => off());
    };
  }, []);
}

function useWindowTitle(): void {
  const fileName = useDocument((s) => s.fileName);
  const filePath = useDocument((s) => s.filePath);
  const dirty = useDocument(selectDirty);
  useEffect(() => {
    platform.setWindowState({ title: windowTitle(fileName, dirty), dirty, filePath });
  }, [fileName, filePath, dirty]);
}

/** the browser asks before leaving a page with unsaved changes */
function installBeforeUnload(): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!selectDirty(useDocument.getState())) return;
    e.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
