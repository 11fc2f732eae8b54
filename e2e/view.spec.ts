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
  await expect(about).toContainText('format version 3');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('a side panel closes to its heading, keeps working while closed, and stays closed after a reload', async ({ page }) => {
  await page.goto('/');
  const data = page.getByRole('region', { name: 'Data', exact: true });
  const toggle = data.getByRole('button', { name: 'Data', exact: true });
  const classes = page.getByRole('group', { name: 'Class of new points' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(classes).toBeVisible();
  const loss = page.getByRole('region', { name: 'Loss chart' });
  const lossTop = (await loss.boundingBox())!.y;

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(classes).toBeHidden();
  // the panels below move up into the room it leaves
  await expect.poll(async () => (await loss.boundingBox())!.y).toBeLessThan(lossTop - 200);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Data', exact: true }).getByRole('button', { name: 'Data', exact: true })).toHaveAttribute('aria-expanded', 'false');
  await expect(classes).toBeHidden();
  // what the closed panel starts still runs: the neurons' map thumbnails on the canvas are painted
  const painted = () =>
    page.locator('.react-flow__node .bp-thumb canvas').first().evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      return px.some((v, i) => i % 4 === 3 && v > 0);
    });
  await expect.poll(painted).toBe(true);
  await page.getByRole('region', { name: 'Data', exact: true }).getByRole('button', { name: 'Data', exact: true }).click();
  await expect(classes).toBeVisible();
  await expect(page.locator('.data-panel canvas').first()).toBeVisible();
});
