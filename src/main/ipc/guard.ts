import type { z } from 'zod';

// Every IPC request main accepts passes here first: it must come from the main frame of a window
// main created, showing the app's own page, and its payload must match the contract's schema;
// every reply main sends is checked against the contract too.
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

export class IpcReplyRefused extends Error {
  constructor(channel: string, detail: string) {
    super(`IPC ${channel}: main's reply does not match the contract (${detail})`);
    this.name = 'IpcReplyRefused';
  }
}

/** what a handler may return for a reply of type R (a reply of nothing lets it return void) */
export type HandlerReply<R> = undefined extends R ? R | void : R;

/**
 * wraps a handler: refuses untrusted senders and requests that do not match the spec, and checks
 * the handler's reply against the spec before it is sent (a bug in main, not in the page)
 */
export function guarded<Request, Reply>(
  spec: { channel: string; request: z.ZodType<Request>; reply: z.ZodType<Reply> },
  policy: TrustPolicy,
  handler: (request: Request, sender: SenderInfo) => HandlerReply<Reply> | Promise<HandlerReply<Reply>>,
): (sender: SenderInfo, request: unknown) => Promise<Reply> {
  return async (sender, request) => {
    const parsed = checkedRequest(spec, policy, sender, request);
    if (!parsed.ok) throw new IpcRefused(spec.channel, parsed.why);
    const reply = spec.reply.safeParse(await handler(parsed.request, sender));
    if (!reply.success) throw new IpcReplyRefused(spec.channel, firstProblem(reply.error));
    return reply.data;
  };
}

/** wraps a listener of a send channel: an untrusted sender or a bad request is dropped silently */
export function guardedSend<Request>(
  spec: { channel: string; request: z.ZodType<Request> },
  policy: TrustPolicy,
  listener: (request: Request, sender: SenderInfo) => void,
): (sender: SenderInfo, request: unknown) => void {
  return (sender, request) => {
    const parsed = checkedRequest(spec, policy, sender, request);
    if (parsed.ok) listener(parsed.request, sender);
  };
}

function checkedRequest<Request>(
  spec: { request: z.ZodType<Request> },
  policy: TrustPolicy,
  sender: SenderInfo,
  request: unknown,
): { ok: true; request: Request } | { ok: false; why: string } {
  if (!isTrustedSender(sender, policy)) return { ok: false, why: 'the sender is not the app window' };
  const parsed = spec.request.safeParse(request);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, why: 'the payload does not match the contract' };
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'the reply'}: ${issue.message}` : 'invalid';
}
