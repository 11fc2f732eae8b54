import { ipcMain, shell, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { INVOKE, INVOKE_SCHEMAS, SEND, WindowStateRequest } from '../../shared/ipc';
import { guarded, isTrustedSender, type SenderInfo, type TrustPolicy } from './guard';
import { isAllowedExternalUrl } from '../security/externalLinks';
import { askUnsaved, showErrorBox } from '../dialogs';
import type { Services } from '../services';

// Every renderer → main channel, each passed through the guard (sender frame + payload schema).

type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];
type Handler<C extends InvokeChannel> = (payload: z.infer<(typeof INVOKE_SCHEMAS)[C]>, sender: SenderInfo) => unknown;

export function senderInfo(event: IpcMainEvent | IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    frameUrl: frame?.url ?? null,
  };
}

export function registerIpc(services: Services, policy: TrustPolicy): void {
  const on = <C extends InvokeChannel>(channel: C, handler: Handler<C>) => {
    const run = guarded(channel, INVOKE_SCHEMAS[channel], policy, handler as never);
    ipcMain.handle(channel, (event, payload: unknown) => run(senderInfo(event), payload));
  };
  const win = (sender: SenderInfo) => services.windows.byContentsId(sender.webContentsId);

  on(INVOKE.open, () => services.refreshingMenu(services.files.openWithDialog()));
  on(INVOKE.openPath, ({ filePath }) => services.refreshingMenu(services.files.openPath(filePath)));
  on(INVOKE.openDropped, ({ filePath }) => services.refreshingMenu(services.files.openDropped(filePath)));
  on(INVOKE.save, (request) => services.refreshingMenu(services.files.save(request)));
  on(INVOKE.recent, () => services.recent.list());
  on(INVOKE.exportFile, (request, sender) => services.exportFile(win(sender), request));
  on(INVOKE.saveDraft, (draft) => services.drafts.save(draft));
  on(INVOKE.loadDraft, () => services.drafts.load());
  on(INVOKE.clearDraft, () => services.drafts.clear());
  on(INVOKE.confirmUnsaved, ({ name }, sender) => askUnsaved(win(sender), name));
  on(INVOKE.showError, ({ title, message }, sender) => showErrorBox(win(sender), title, message));
  on(INVOKE.openExternal, async ({ url }) => {
    if (!isAllowedExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  });
  on(INVOKE.rendererReady, (_none, sender) => services.rendererReady(sender.webContentsId));
  on(INVOKE.closeWindow, (_none, sender) => win(sender)?.close());
  on(INVOKE.closeReady, (_none, sender) => services.windows.closeNow(sender.webContentsId));
  on(INVOKE.closeCancelled, () => {
    services.windows.quitting = false;
  });

  ipcMain.on(SEND.windowState, (event, payload: unknown) => {
    const sender = senderInfo(event);
    const parsed = WindowStateRequest.safeParse(payload);
    if (!isTrustedSender(sender, policy) || !parsed.success) return;
    const window = win(sender);
    if (!window) return;
    window.setTitle(parsed.data.title);
    if (process.platform === 'darwin') {
      window.setDocumentEdited(parsed.data.dirty);
      window.setRepresentedFilename(parsed.data.filePath ?? '');
    }
  });
}
