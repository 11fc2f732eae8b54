import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Download, type Page } from '@playwright/test';

// Files in the browser: open (file input), edit, save (download), reopen; bad files; the unsaved
// marker and prompt; recovery drafts; picture export.

const tutorialPath = new URL('../examples/tutorial-2-5-1.bpgraph.json', import.meta.url);
const tutorial = readFileSync(tutorialPath, 'utf8');
const nodes = (page: Page) => page.locator('.react-flow__node');
const fileInput = (page: Page) => page.getByLabel('Open graph file');

async function openText(page: Page, name: string, text: string) {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** how many recovery drafts the page keeps (IndexedDB, src/renderer/src/platform/webDrafts.ts) */
function draftCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('backprop-studio');
        open.onupgradeneeded = () => open.result.createObjectStore('drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('drafts').objectStore('drafts').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

async function saveWithShortcut(page: Page): Promise<Download> {
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  return pending;
}

// each test has a fresh browser context, so its storage (localStorage, IndexedDB) starts empty
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="in_1"]')).toBeVisible();
});

test('open a file, edit, save, reopen: the document is identical and the title tracks unsaved changes', async ({ page }) => {
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(page).toHaveTitle('tutorial-2-5-1 — Backprop Studio');
  await expect(nodes(page)).toHaveCount(9);

  await page.getByRole('button', { name: 'Add sigmoid neuron' }).click();
  await expect(nodes(page)).toHaveCount(10);
  await expect(page).toHaveTitle('● tutorial-2-5-1 — Backprop Studio');
  await expect(page.getByRole('status', { name: 'Unsaved changes' })).toBeVisible();

  const download = await saveWithShortcut(page);
  expect(download.suggestedFilename()).toBe('tutorial-2-5-1.bpgraph.json');
  const saved = await readDownload(download);
  await expect(page).toHaveTitle('tutorial-2-5-1 — Backprop Studio');
  expect(JSON.parse(saved).nodes).toHaveLength(10);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page).toHaveTitle('Untitled — Backprop Studio');
  await fileInput(page).setInputFiles(await download.path());
  await expect(nodes(page)).toHaveCount(10);

  const again = await readDownload(await saveWithShortcut(page));
  expect(again).toBe(saved);
});

test('a bad file names its problem and leaves the open document as it was', async ({ page }) => {
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(nodes(page)).toHaveCount(9);
  const doc = JSON.parse(tutorial);
  doc.edges.push({ id: 'back', source: '6', target: '1', weight: 0.5 });
  await openText(page, 'loop.bpgraph.json', JSON.stringify(doc));

  const alert = page.getByRole('alertdialog', { name: 'Couldn’t open “loop.bpgraph.json”' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/cycle/i);
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(alert).toBeHidden();
  await expect(nodes(page)).toHaveCount(9);
  await expect(page).toHaveTitle('tutorial-2-5-1 — Backprop Studio');

  await openText(page, 'empty.bpgraph.json', '');
  await expect(page.getByRole('alertdialog')).toContainText('empty.bpgraph.json');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(nodes(page)).toHaveCount(9);
});

test('New with unsaved changes asks Save / Don’t Save / Cancel', async ({ page }) => {
  const fresh = await nodes(page).count();
  await page.getByRole('button', { name: 'Add tanh neuron' }).click();
  await expect(nodes(page)).toHaveCount(fresh + 1);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  // the app starts on the tutorial perceptron, an unsaved document called by its title
  const prompt = page.getByRole('dialog', { name: 'Save changes to “Single perceptron (linear classifier)”?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt).toBeHidden();
  await expect(nodes(page)).toHaveCount(fresh + 1);

  await page.keyboard.press('Control+o');
  await expect(prompt).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(nodes(page)).toHaveCount(fresh + 1);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  const downloadPending = page.waitForEvent('download');
  await prompt.getByRole('button', { name: 'Save', exact: true }).click();
  expect((await downloadPending).suggestedFilename()).toBe('Single perceptron (linear classifier).bpgraph.json');
  await expect(page).toHaveTitle('Untitled — Backprop Studio');
  await expect(nodes(page)).not.toHaveCount(fresh + 1);
  const blank = await nodes(page).count();

  await page.getByRole('button', { name: 'Add tanh neuron' }).click();
  await expect(nodes(page)).toHaveCount(blank + 1);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const untitledPrompt = page.getByRole('dialog', { name: 'Save changes to “Untitled”?' });
  await untitledPrompt.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(nodes(page)).toHaveCount(blank);
  await expect(page).toHaveTitle('Untitled — Backprop Studio');
});

test('unsaved work left in a closed tab is offered back on the next load', async ({ page }) => {
  const fresh = await nodes(page).count();
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(page).toHaveTitle('tutorial-2-5-1 — Backprop Studio');
  await page.getByRole('button', { name: 'Add relu neuron' }).click();
  await expect(nodes(page)).toHaveCount(10);
  await expect.poll(() => draftCount(page), { timeout: 8000 }).toBe(1);

  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const banner = page.getByRole('region', { name: 'Recovered document' });
  await expect(banner).toContainText('tutorial-2-5-1');
  await expect(nodes(page)).toHaveCount(fresh);
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(nodes(page)).toHaveCount(10);
  await expect(page).toHaveTitle('● tutorial-2-5-1 — Backprop Studio');

  await saveWithShortcut(page);
  await expect.poll(() => draftCount(page)).toBe(0);
});

test('export the graph as SVG and PNG pictures', async ({ page }) => {
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(nodes(page)).toHaveCount(9);

  const svgPending = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'SVG picture' }).click();
  const svgDownload = await svgPending;
  expect(svgDownload.suggestedFilename()).toBe('tutorial-2-5-1.svg');
  const svg = await readDownload(svgDownload);
  // real SVG shapes and text, readable outside a browser (no HTML inside a foreignObject)
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).not.toContain('foreignObject');
  expect(svg.match(/<g class="node"/g)?.length).toBe(9);
  expect(svg.match(/<path class="edge"/g)?.length).toBe(21);

  const pngPending = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'PNG picture' }).click();
  const png = readFileSync(await (await pngPending).path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(200);
});

test('File › Export › code downloads the same PyTorch, NumPy and notebook programs as the command line', async ({ page }) => {
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(nodes(page)).toHaveCount(9);
  const cli = (to: string) =>
    execFileSync('npm', ['run', '--silent', 'cli', '--', 'export', fileURLToPath(tutorialPath), '--to', to], { encoding: 'utf8' });
  for (const [label, to, name] of [
    ['PyTorch script', 'pytorch', 'tutorial-2-5-1-pytorch.py'],
    ['NumPy script', 'numpy', 'tutorial-2-5-1-numpy.py'],
    ['Jupyter notebook', 'notebook', 'tutorial-2-5-1.ipynb'],
  ]) {
    await page.getByText('Export', { exact: true }).click();
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: label }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe(name);
    expect(await readDownload(download)).toBe(cli(to));
  }
});

test('Save As asks for a name, downloads under it, and the document takes that name', async ({ page }) => {
  await openText(page, 'tutorial-2-5-1.bpgraph.json', tutorial);
  await expect(page).toHaveTitle('tutorial-2-5-1 — Backprop Studio');
  await page.getByRole('button', { name: 'Save As…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save As' });
  const name = dialog.getByRole('textbox', { name: 'File name' });
  await expect(name).toHaveValue('tutorial-2-5-1.bpgraph.json');
  await name.fill('my net');
  const pending = page.waitForEvent('download');
  await name.press('Enter');
  expect((await pending).suggestedFilename()).toBe('my net.bpgraph.json');
  await expect(page).toHaveTitle('my net — Backprop Studio');

  await page.keyboard.press('Control+Shift+s');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveTitle('my net — Backprop Studio');
});

test('a graph file dropped on the window opens', async ({ page }) => {
  const drop = async (name: string, text: string) => {
    const data = await page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: 'application/json' }));
        return dt;
      },
      [name, text] as const,
    );
    await page.getByRole('main').dispatchEvent('dragover', { dataTransfer: data });
    await page.getByRole('main').dispatchEvent('drop', { dataTransfer: data });
  };
  await drop('dropped.bpgraph.json', tutorial);
  await expect(page).toHaveTitle('dropped — Backprop Studio');
  await expect(nodes(page)).toHaveCount(9);

  await drop('notes.txt', 'hello');
  await expect(page.getByText('“notes.txt” is not a graph file')).toBeVisible();
  await expect(page).toHaveTitle('dropped — Backprop Studio');
});
