import type { CommandId } from '../../../shared/commands';
import type { Commands } from '../commands';
import type { Platform } from '../platform/types';
import { selectDirty, type DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { DocumentFlows } from './documentFlows';
import type { FileInputPort } from './fileInput';
import type { Recovery } from './recovery';
import { runMenuCommand } from './fileCommands';
import { installFileShortcuts } from './shortcuts';
import { installDropOpen } from './dropOpen';
import { windowTitle } from './names';

// Everything about files that lives for the whole session: shortcuts (in the browser), drops,
// the desktop's menu and close requests, the window title, recovery drafts.

export interface FileSessionDeps {
  document: DocumentStore;
  notices: Pick<Notices, 'notify'>;
  platform: Platform;
  commands: Commands;
  flows: DocumentFlows;
  fileInput: FileInputPort;
  recovery: Recovery;
  /** a menu command the lesson's step makes inert (its control hidden or what it changes locked) */
  inert?: (id: CommandId) => boolean;
}

export function createFileSession({ document, notices, platform, commands, flows, fileInput, recovery, inert }: FileSessionDeps) {
  let stops: (() => void)[] = [];
  let live = false;

  const showTitle = () => {
    const s = document.getState();
    const dirty = selectDirty(s);
    platform.setWindowState({ title: windowTitle(s.fileName, dirty), dirty, filePath: s.filePath });
  };

  return {
    start(): void {
      if (live) return;
      live = true;
      stops = [installDropOpen({ flows, platform, notices })];
      if (platform.kind === 'web') stops.push(installFileShortcuts(commands), installBeforeUnload(document));
      stops.push(
        platform.onCommand((id) => void runMenuCommand(id, commands, notices, globalThis.document?.activeElement ?? null, inert)),
        platform.onOpenRequest((read) => void flows.openArrived(read)),
        platform.onCloseRequest(flows.confirmClose),
        document.subscribe((s, prev) => {
          if (s.fileName !== prev.fileName || s.filePath !== prev.filePath || selectDirty(s) !== selectDirty(prev)) showTitle();
        }),
      );
      showTitle();
      fileInput.onUnsolicitedFile((file) => void flows.openArrived(() => platform.openDroppedFile(file)));
      // a draft that cannot be read is no reason to stop protecting the work from here on
      void recovery
        .findDraft()
        .catch(() => undefined)
        .then(() => {
          if (!live) return;
          stops.push(recovery.startAutosave());
          platform.ready();
        });
    },
    stop(): void {
      live = false;
      stops.forEach((off) => off());
      stops = [];
    },
  };
}

/** the browser asks before leaving a page with unsaved changes */
function installBeforeUnload(document: DocumentStore): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!selectDirty(document.getState())) return;
    e.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
