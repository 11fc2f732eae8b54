import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { flowNode, openApp, settle } from './editor.helpers';

// Share link (web): File › Copy share link puts the whole document in the address's fragment;
// a fresh page opened at the link shows the same document (the saved file is byte for byte the
// same). A link cut short says so and keeps the page's document; one too long is refused with
// "Save the file instead".

const SHOTS = 'test-results/screenshots';

async function readDownload(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

/** Save (Ctrl+S): the browser downloads the graph file; its text */
async function savedJson(page: Page): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  return readDownload(await pending);
}

/** File › Copy share link: the link the dialog shows (the clipboard holds the same) */
async function copyShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  return url;
}

test('a share link opens the same document in a fresh page', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = await openApp(page);
  // a version-2 document: a tanh neuron, a derived input x₁², an edge switched off
  await page.getByRole('button', { name: 'Add tanh neuron' }).click();
  await page.getByRole('button', { name: 'Add input x₁²' }).click();
  await expect(flowNode(page, 'in_x_sq')).toBeVisible();
  await flowNode(page, 'in_x').click();
  await page.keyboard.press('o');
  await expect(flowNode(page, 'in_x').locator('[data-off="true"]').first()).toBeVisible();

  const url = await copyShareLink(page);
  expect(url).toMatch(/#doc=[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const before = await savedJson(page);

  // a new context: no storage, no draft, nothing shared with the first page but the link
  const fresh = await browser.newContext({ viewport: page.viewportSize()! });
  const other = await fresh.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(url);
  await expect(flowNode(other, 'in_x_sq')).toBeVisible();
  await expect(other.getByText(/Opened “.*” from the link/)).toBeVisible();
  // the link leaves the address once read: a reload offers the recovery draft, not the link again
  await expect.poll(() => new URL(other.url()).hash).toBe('');
  expect(await savedJson(other)).toBe(before);
  expect(JSON.parse(before).version).toBe(3); // the format version the app writes (docs/graph-format.md)
  expect(otherErrors).toEqual([]);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a link pasted into the address of the open page opens there, after the unsaved-changes question', async ({ page }) => {
  await openApp(page);
  const opening = await page.locator('.react-flow__node').count();
  await page.getByRole('button', { name: 'Add linear neuron' }).click();
  const url = await copyShareLink(page);
  const shared = await savedJson(page);
  // more work, unsaved: the link must ask before it replaces it
  await page.getByRole('button', { name: 'Add relu neuron' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(opening + 2);
  await page.evaluate((hash) => void (location.hash = hash), new URL(url).hash);
  const question = page.getByRole('dialog', { name: /Save changes/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(opening + 1);
  expect(await savedJson(page)).toBe(shared);
});

test('a link cut short says so and keeps the document the page opened with', async ({ page, browser }) => {
  await openApp(page);
  const opening = await page.locator('.react-flow__node').count();
  await page.getByRole('button', { name: 'Add sigmoid neuron' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(opening + 1);
  const url = await copyShareLink(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url.slice(0, url.length - 30));
  await expect(other.getByText(/This share link cannot be opened: it is incomplete or damaged/)).toBeVisible();
  // the page's own document (the tutorial's perceptron) is still there, without the added neuron
  await expect(flowNode(other, 'in_1')).toBeVisible();
  await expect(other.locator('.react-flow__node')).toHaveCount(opening);
  await expect(other.getByTestId('document-name')).not.toContainText('Edited');
  await fresh.close();
});

test('a document too big for a link is refused, offering to save the file instead', async ({ page }) => {
  await openApp(page);
  // a data set the link cannot hold: 5,000 points (about 7 characters of link each)
  await page.getByLabel('Data set').selectOption('spiral');
  await page.getByLabel('Count').fill('5000');
  await page.getByRole('button', { name: 'Generate points' }).click();
  await expect(page.getByTestId('point-count')).toContainText('5000 points');
  await settle(page);

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'This document is too big for a share link' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('32,000 characters');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/share-refused-${size.width}x${size.height}.png` });
  }
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save the file instead' }).click();
  const saved = JSON.parse(await readDownload(await pending));
  expect(saved.dataset.examples).toHaveLength(5000);
  await expect(dialog).toBeHidden();
});
