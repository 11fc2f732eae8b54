import { expect, test } from '@playwright/test';

test('the side panels hide for projecting the canvas and come back, by button and by Ctrl+\\', async ({ page }) => {
  await page.goto('/');
  const canvas = page.locator('.react-flow');
  const palette = page.getByRole('complementary', { name: 'Palette' });
  const side = page.getByRole('complementary', { name: 'Side panels' });
  await expect(side).toBeVisible();
  const before = (await canvas.boundingBox())!.width;

  await page.getByRole('button', { name: 'Hide panels' }).click();
  await expect(side).toBeHidden();
  await expect(palette).toBeHidden();
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(before + 400);

  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect(side).toBeVisible();
  await expect(palette).toBeVisible();

  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+\\');
  await expect(side).toBeHidden();
  await page.keyboard.press('Control+\\');
  await expect(side).toBeVisible();
});

test('About names the app, its version and the file format, and closes with Escape', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: /Backprop Studio \d+\.\d+\.\d+/ });
  await expect(about).toBeVisible();
  await expect(about).toContainText('format version 1');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});
