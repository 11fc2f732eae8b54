import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_KEYS } from '../src/shared/ipc';
import { builtApp, electronAvailable, electronBinary, skipReason } from './electron.helpers';

// The desktop app itself: window security, the preload's exact surface, menus, open/save/reopen
// through native dialogs (answered by stubbing `dialog` in main), and the unsaved-changes prompt.

const runnable = electronAvailable && builtApp;
if (!runnable) console.log(`[electron.spec] ${skipReason}`);
test.skip(!runnable, skipReason);

const tutorial = readFileSync(new URL('../examples/tutorial-2-5-1.bpgraph.json', import.meta.url), 'utf8');
let app: ElectronApplication | undefined;
let page: Page;
let work: string;

async function launch(extraArgs: string[] = []): Promise<ElectronApplication> {
  const launched = await electron.launch({
    executablePath: electronBinary() ?? undefined,
    args: ['.', '--no-sandbox', ...extraArgs],
    env: { ...process.env, BACKPROP_STUDIO_USER_DATA: join(work, 'user-data') },
  });
  app = launched;
  page = await launched.firstWindow();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return launched;
}

/** the running app (launched by the test) */
function running(): ElectronApplication {
  if (!app) throw new Error('the app is not running');
  return app;
}

test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'bp-electron-'));
});

test.afterEach(async () => {
  const running = app;
  app = undefined;
  await running?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy()));
  await running?.close();
});

/** answer the next native dialogs from main: open → path, save → path, message box → button */
async function stubDialogs(answers: { open?: string; save?: string; button?: number }) {
  await running().evaluate(({ dialog }, a) => {
    const d = dialog as unknown as Record<string, unknown>;
    d.showOpenDialog = async () => ({ canceled: !a.open, filePaths: a.open ? [a.open] : [] });
    d.showSaveDialog = async () => ({ canceled: !a.save, filePath: a.save ?? '' });
    d.showMessageBox = async () => ({ response: a.button ?? 0, checkboxChecked: false });
  }, answers);
}

async function clickMenu(path: string[]) {
  await running().evaluate(({ Menu }, labels) => {
    let items = Menu.getApplicationMenu()!.items;
    let item = items.find((i) => i.label === labels[0])!;
    for (const label of labels.slice(1)) {
      items = item.submenu!.items;
      item = items.find((i) => i.label === label)!;
    }
    item.click();
  }, path);
}

test('the window is isolated, sandboxed, without Node, and cannot navigate or open windows', async () => {
  await launch();
  const prefs = await running().evaluate(({ BrowserWindow }) => {
    type Prefs = Record<string, unknown>;
    const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences?: () => Prefs | null };
    const p = contents.getLastWebPreferences?.();
    return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag } : null;
  });
  if (prefs) expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  else console.log('[electron.spec] this Electron has no getLastWebPreferences; checking isolation from the page alone');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  const url = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
  expect(running().windows()).toHaveLength(1);
  const permission = await page.evaluate(() => Notification.requestPermission());
  expect(permission).toBe('denied');
});

test('the page comes from app://bundle, not file://, and its module worker trains under the CSP', async () => {
  await launch();
  expect(page.url()).toBe('app://bundle/index.html');
  expect(await page.evaluate(() => [window.origin, window.isSecureContext])).toEqual(['app://bundle', true]);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  // files outside the renderer folder are out of reach of the page, however the path is spelled
  const statuses = await page.evaluate(() =>
    Promise.all(['app://bundle/%2e%2e%2fmain%2findex.js', 'app://bundle/..%5cmain%5cindex.js', 'app://bundle/assets'].map((u) => fetch(u).then((r) => r.status))),
  );
  expect(statuses).toEqual([404, 404, 404]);

  await page.getByLabel('Layer sizes').fill('2-4-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await page.getByRole('button', { name: 'Generate points' }).click();
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect.poll(async () => Number(await page.getByTestId('readout-Epoch').getAttribute('data-value'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause training' }).click();
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/^app:\/\/bundle\/assets\/trainer\.worker-[\w-]+\.js$/)]);
  await expect(page.getByText('the background worker could not start')).toHaveCount(0);
  expect(violations.filter((v) => /Content Security Policy|Refused/.test(v))).toEqual([]);
});

test('the preload exposes exactly the allowlisted functions', async () => {
  await launch();
  const keys = await page.evaluate(() => Object.keys((window as unknown as { backprop: object }).backprop).sort());
  expect(keys).toEqual([...API_KEYS].sort());
});

test('menus carry the File, Edit, View, Training and Help commands', async () => {
  await launch();
  const menus = await running().evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((i) => i.label));
  expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Training', 'Help']));
});

test('open, edit, save through the menu, reopen: the same document', async () => {
  await launch();
  const source = join(work, 'tutorial.bpgraph.json');
  writeFileSync(source, tutorial);
  await stubDialogs({ open: source });
  await clickMenu(['File', 'Open…']);
  await expect(page).toHaveTitle('tutorial — Backprop Studio');

  await page.getByRole('button', { name: 'Add sigmoid neuron' }).click();
  await expect(page).toHaveTitle('● tutorial — Backprop Studio');
  const copy = join(work, 'copy.bpgraph.json');
  await stubDialogs({ save: copy });
  await clickMenu(['File', 'Save As…']);
  await expect(page).toHaveTitle('copy — Backprop Studio');
  const saved = readFileSync(copy, 'utf8');
  expect(JSON.parse(saved).nodes.length).toBe(JSON.parse(tutorial).nodes.length + 1);

  await stubDialogs({ open: copy });
  await clickMenu(['File', 'Open…']);
  await clickMenu(['File', 'Save']);
  await expect.poll(() => existsSync(`${copy}.bak`)).toBe(true);
  expect(readFileSync(copy, 'utf8')).toBe(saved);
});

test('New with unsaved changes asks, and Cancel keeps the document', async () => {
  await launch();
  await page.getByRole('button', { name: 'Add tanh neuron' }).click();
  const count = await page.locator('.react-flow__node').count();
  await stubDialogs({ button: 2 });
  await clickMenu(['File', 'New']);
  await page.waitForTimeout(300);
  await expect(page.locator('.react-flow__node')).toHaveCount(count);
  await stubDialogs({ button: 1 });
  await clickMenu(['File', 'New']);
  await expect(page.locator('.react-flow__node')).not.toHaveCount(count);
  await expect(page).toHaveTitle('Untitled — Backprop Studio');
});

test('a file named on the command line opens at start, and joins Open Recent', async () => {
  const source = join(work, 'launched.bpgraph.json');
  writeFileSync(source, tutorial);
  await launch([source]);
  await expect(page).toHaveTitle('launched — Backprop Studio');
  const recent = await running().evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()!.items.find((i) => i.label === 'File')!;
    const openRecent = file.submenu!.items.find((i) => i.label === 'Open Recent')!;
    return openRecent.submenu!.items.map((i) => i.label);
  });
  expect(recent[0]).toBe('launched.bpgraph.json');
});

test('a file that fails to load shows a native error naming the problem and keeps the document', async () => {
  await launch();
  const bad = join(work, 'bad.bpgraph.json');
  writeFileSync(bad, '{"format": "backprop-studio.graph", "version": 999}');
  await running().evaluate(({ dialog }, path) => {
    const d = dialog as unknown as Record<string, unknown>;
    const g = globalThis as unknown as { shownErrors: string[] };
    g.shownErrors = [];
    d.showOpenDialog = async () => ({ canceled: false, filePaths: [path] });
    d.showMessageBox = async (...args: unknown[]) => {
      const o = args[args.length - 1] as { message: string; detail?: string };
      g.shownErrors.push(`${o.message} | ${o.detail ?? ''}`);
      return { response: 0, checkboxChecked: false };
    };
  }, bad);
  const title = await page.title();
  await clickMenu(['File', 'Open…']);
  await expect
    .poll(() => running().evaluate(() => (globalThis as unknown as { shownErrors: string[] }).shownErrors))
    .toEqual([expect.stringMatching(/Couldn’t open “bad.bpgraph.json” \| .*999/)]);
  expect(await page.title()).toBe(title);
});
