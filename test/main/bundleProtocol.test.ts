import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePathFor } from '../../src/main/protocol/bundlePath';
import { bundleResponse } from '../../src/main/protocol/bundleResponse';
import { APP_SCHEME_PRIVILEGES, APP_SCHEME_REGISTRATION } from '../../src/main/protocol/scheme';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp';

// The app://bundle protocol on the real file system: it serves the built renderer folder and
// nothing else — every way out of the folder a URL can spell is a 404, never the file.

const base = mkdtempSync(join(tmpdir(), 'bp-bundle-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Backprop Studio</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', 'trainer.worker-def.js'), 'self.onmessage = () => {};');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'assets', 'kernel.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
writeFileSync(join(root, 'assets', 'KaTeX_Main.woff2'), 'font');
writeFileSync(join(root, 'assets', 'a b.js'), 'spaced');
writeFileSync(join(base, 'secret.txt'), 'SECRET outside the bundle');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'SECRET in a look-alike sibling folder');

const get = (url: string, method = 'GET') => bundleResponse(root, { url, method });

describe('app://bundle serves the built renderer folder', () => {
  it('serves index.html with its type and the CSP header', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Backprop Studio</title>');
  });

  it('serves scripts, the worker, styles, WebAssembly and fonts with the types browsers demand', async () => {
    const cases: [string, string][] = [
      ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['assets/trainer.worker-def.js', 'text/javascript; charset=utf-8'],
      ['assets/index-abc.css', 'text/css; charset=utf-8'],
      ['assets/kernel.wasm', 'application/wasm'],
      ['assets/KaTeX_Main.woff2', 'font/woff2'],
    ];
    for (const [path, type] of cases) {
      const response = await get(`app://bundle/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
    // the worker's own response carries the CSP: a module worker's policy comes from it
    expect((await get('app://bundle/assets/trainer.worker-def.js')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const wasm = new Uint8Array(await (await get('app://bundle/assets/kernel.wasm')).arrayBuffer());
    expect([...wasm]).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
  });

  it('ignores query strings and fragments, decodes percent-escapes, and serves / as index.html', async () => {
    expect(await (await get('app://bundle/assets/index-abc.js?v=123#top')).text()).toBe('export const x = 1;');
    expect(await (await get('app://bundle/assets/a%20b.js')).text()).toBe('spaced');
    expect(await (await get('app://bundle/')).text()).toContain('Backprop Studio');
  });

  it('answers HEAD with the headers and no body, and refuses other methods', async () => {
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>Backprop Studio</title>'.length));
    expect(await head.text()).toBe('');
    const post = await get('app://bundle/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('app://bundle refuses everything outside the folder', () => {
  const refused = [
    'app://bundle/../secret.txt',
    'app://bundle/../../etc/passwd',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/%2e%2E/etc/passwd',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets/%5c..%5c..%5csecret.txt',
    `app://bundle/${encodeURIComponent(join(base, 'secret.txt'))}`,
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
    'app://bundle/../renderer-evil/x.js',
    'app://other/index.html',
    'app://bundle:8080/index.html',
    'file:///etc/passwd',
    `file://${join(root, 'index.html')}`,
  ];

  it.each(refused)('%s is a 404 that reveals nothing', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('never maps such a URL to a path outside the folder', () => {
    for (const url of refused) {
      const path = bundlePathFor(root, url);
      if (path !== null) expect(path.startsWith(join(root, '/')), url).toBe(true);
    }
  });

  it('escapes the URL parser leaves in place (encoded slashes, backslashes, NULs) name no file at all', () => {
    const escaped = refused.filter((u) => u.startsWith('app://bundle/') && /%(2f|5c|00)/i.test(new URL(u).pathname));
    expect(escaped.length).toBeGreaterThanOrEqual(6);
    for (const url of escaped) expect(bundlePathFor(root, url), url).toBeNull();
  });

  it('folders and missing files are 404s too', async () => {
    for (const url of ['app://bundle/assets', 'app://bundle/assets/', 'app://bundle/missing.js', 'app://bundle/index.html/x']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });
});

describe('the app:// scheme registration', () => {
  it('is a standard, secure scheme with fetch and code cache, and never bypasses the CSP', () => {
    expect(APP_SCHEME_REGISTRATION).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, codeCache: true, bypassCSP: false });
  });
});
