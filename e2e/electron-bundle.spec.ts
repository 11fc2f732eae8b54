import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bundleResponse } from '../src/main/protocol/bundleResponse';

// The desktop build's page as the app:// protocol serves it (main's own handler, the same
// function Electron's protocol.handle calls), driven in Chromium. No Electron binary runs here, so
// a tiny HTTP server hands each request to the handler as app://bundle/<path>: what is checked is
// the handler's answers — content types, the CSP header — with a real browser judging them: the
// page runs under the header's CSP with zero violations, and training runs in the module worker,
// not in the main-thread fallback.

const root = join(process.cwd(), 'out', 'renderer');

let server: Server;
let origin = '';

test.beforeAll(() => {
  // the desktop build of the renderer (out/renderer), fresh from the sources: a few seconds
  test.setTimeout(120_000);
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'pipe' });
});

test.beforeAll(async () => {
  server = createServer((req, res) => {
    void bundleResponse(root, { url: `app://bundle${req.url ?? '/'}`, method: req.method ?? 'GET' }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('the served page runs under its CSP header with no violations and trains in the module worker', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const main = await page.goto(`${origin}/index.html`);
  expect(main?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page).toHaveTitle(/Backprop Studio/);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  await page.getByLabel('Layer sizes').fill('2-4-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await page.getByLabel('Data set').selectOption('circle');
  await page.getByRole('button', { name: 'Generate points' }).click();
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect.poll(async () => Number(await page.getByTestId('readout-Epoch').getAttribute('data-value'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause training' }).click();

  // training's worker, the one that computes the neurons' maps, and the layout's (ELK loads there when the page is idle)
  const workers = () => page.workers().map((w) => new URL(w.url()).pathname).sort();
  await expect.poll(workers, { timeout: 15_000 }).toEqual([
    expect.stringMatching(/^\/assets\/layout\.worker-[\w-]+\.js$/),
    expect.stringMatching(/^\/assets\/maps\.worker-[\w-]+\.js$/),
    expect.stringMatching(/^\/assets\/trainer\.worker-[\w-]+\.js$/),
  ]);
  await expect(page.getByText('the background worker could not start')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('bundle.png') });
  expect(problems).toEqual([]);
});

test('a request that climbs out of the renderer folder gets a 404, not the file', async ({ request }) => {
  for (const path of ['/%2e%2e/main/index.js', '/..%2fmain%2findex.js', '/assets/..%5c..%5cmain%5cindex.js']) {
    const response = await request.get(`${origin}${path}`);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('registerSchemesAsPrivileged');
  }
});
