import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCsp } from '../../src/main/security/csp';
import { isAllowedExternalUrl } from '../../src/main/security/externalLinks';
import { entryUrl, isAppUrl, type AppEntry } from '../../src/main/security/appUrl';
import { guarded, IpcRefused, IpcReplyRefused, isTrustedSender, type SenderInfo, type TrustPolicy } from '../../src/main/ipc/guard';
import { INVOKE } from '../../src/shared/ipc';

const entry: AppEntry = { kind: 'bundle', root: '/opt/app/out/renderer' };
const policy: TrustPolicy = { windowIds: () => new Set([7]), isAppUrl: (url) => isAppUrl(entry, url) };
const app: SenderInfo = { webContentsId: 7, isMainFrame: true, frameUrl: 'app://bundle/index.html' };

describe('IPC guard', () => {
  it('accepts the app window’s main frame on the app’s page', () => {
    expect(isTrustedSender(app, policy)).toBe(true);
  });

  it('refuses iframes, foreign windows, other pages and vanished frames', () => {
    expect(isTrustedSender({ ...app, isMainFrame: false }, policy)).toBe(false);
    expect(isTrustedSender({ ...app, webContentsId: 8 }, policy)).toBe(false);
    expect(isTrustedSender({ ...app, frameUrl: 'https://evil.example/' }, policy)).toBe(false);
    expect(isTrustedSender({ ...app, frameUrl: 'file:///tmp/evil.html' }, policy)).toBe(false);
    expect(isTrustedSender({ ...app, frameUrl: 'file:///opt/app/out/renderer/index.html' }, policy)).toBe(false);
    expect(isTrustedSender({ ...app, frameUrl: null }, policy)).toBe(false);
  });

  it('runs the handler only for a trusted sender with a payload matching the contract', async () => {
    const calls: unknown[] = [];
    const save = guarded(INVOKE.saveDocument, policy, (p) => (calls.push(p), { status: 'cancelled' as const }));
    const good = { text: '{}', fileName: 'a.json', filePath: null, saveAs: true };
    await expect(save(app, good)).resolves.toEqual({ status: 'cancelled' });
    await expect(save({ ...app, isMainFrame: false }, good)).rejects.toBeInstanceOf(IpcRefused);
    await expect(save(app, { ...good, filePath: 42 })).rejects.toBeInstanceOf(IpcRefused);
    await expect(save(app, { ...good, extra: 'smuggled' })).rejects.toBeInstanceOf(IpcRefused);
    await expect(save(app, undefined)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([good]);
  });

  it('refuses a payload for a no-argument channel', async () => {
    const run = guarded(INVOKE.loadDraft, policy, () => null);
    await expect(run(app, undefined)).resolves.toBeNull();
    await expect(run(app, { sneaky: true })).rejects.toBeInstanceOf(IpcRefused);
  });

  it('refuses to send a reply that does not match the contract, naming where it breaks', async () => {
    const load = guarded(INVOKE.loadDraft, policy, () => ({ text: '{}', fileName: 'a.json', filePath: null, savedAt: 1 }));
    await expect(load(app, undefined)).resolves.toEqual({ text: '{}', fileName: 'a.json', filePath: null, savedAt: 1 });
    const bad = { text: '{}', fileName: 'a.json', filePath: null, savedAt: 'yesterday' };
    const broken = guarded(INVOKE.loadDraft, policy, () => bad as never);
    await expect(broken(app, undefined)).rejects.toThrow(/draft:load: main's reply does not match the contract \(savedAt: /);
    const leaky = guarded(INVOKE.saveDocument, policy, () => ({ status: 'saved', fileName: 'a', filePath: null, secret: 1 }) as never);
    await expect(leaky(app, { text: '{}', fileName: 'a.json', filePath: null, saveAs: true })).rejects.toBeInstanceOf(IpcReplyRefused);
  });
});

describe('app URL', () => {
  it('is the app://bundle origin exactly in a built app: no file:// page, no look-alike origin', () => {
    expect(entryUrl(entry)).toBe('app://bundle/index.html');
    expect(isAppUrl(entry, 'app://bundle/index.html')).toBe(true);
    expect(isAppUrl(entry, 'app://bundle/index.html#x')).toBe(true);
    expect(isAppUrl(entry, 'app://bundle/assets/trainer.worker.js?v=1')).toBe(true);
    for (const url of [
      'file:///opt/app/out/renderer/index.html',
      'app://bundle.evil/index.html',
      'app://other/index.html',
      'app://bundle:8080/index.html',
      'app://user@bundle/index.html',
      'apps://bundle/index.html',
      'https://bundle/index.html',
      'not a url',
      '',
      null,
    ]) {
      expect(isAppUrl(entry, url), String(url)).toBe(false);
    }
  });

  it('is the dev server’s origin in development', () => {
    const dev: AppEntry = { kind: 'dev', url: 'http://localhost:5173/' };
    expect(entryUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'app://bundle/index.html')).toBe(false);
  });
});

describe('external links', () => {
  it('opens only https links to the allowlisted hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/some/repo')).toBe(true);
    expect(isAllowedExternalUrl('https://en.wikipedia.org/wiki/Backpropagation')).toBe(true);
    for (const url of [
      'http://github.com/',
      'https://github.com.evil.example/',
      'https://evil.example/?github.com',
      'https://user@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://github.com/share',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('Content-Security-Policy', () => {
  it('has no unsafe-eval and is the same policy the page’s meta tag declares', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('replaces any policy a response carried', () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
