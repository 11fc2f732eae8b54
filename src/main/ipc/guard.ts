import type { z } from 'zod';

// Every IPC request main accepts passes here first: it must come from the main frame of a window
// main created, showing the app's own page, and its payload must match the contract's schema.
// Plain module (no 'electron' import) so the rules are unit-tested.

export interface SenderInfo {
  /** id of the sender's webContents */
  webContentsId: number;
  /** is the sending frame its window's main frame (not an iframe)? */
  isMainFrame: boolean;
  /** URL of the sending frame; null when the frame is gone */
  frameUrl: string | null;
}

export interface TrustPolicy {
  /** ids of the webContents of windows main created */
  windowIds(): ReadonlySet<number>;
  isAppUrl(url: string | null): boolean;
}

export function isTrustedSender(sender: SenderInfo, policy: TrustPolicy): boolean {
  return sender.isMainFrame && policy.windowIds().has(sender.webContentsId) && policy.isAppUrl(sender.frameUrl);
}

export class IpcRefused extends Error {
  constructor(channel: string, why: string) {
    super(`IPC ${channel} refused: ${why}`);
    this.name = 'IpcRefused';
  }
}

/** wraps a handler: refuses untrusted senders and payloads that do not match `schema` */
export function guarded<S extends z.ZodType, R>(
  channel: string,
  schema: S,
  policy: TrustPolicy,
  handler: (payload: z.infer<S>, sender: SenderInfo) => R | Promise<R>,
): (sender: SenderInfo, payload: unknown) => Promise<R> {
  return async (sender, payload) => {
    if (!isTrustedSender(sender, policy)) throw new IpcRefused(channel, 'the sender is not the app window');
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new IpcRefused(channel, 'the payload does not match the contract');
    return handler(parsed.data, sender);
  };
}
