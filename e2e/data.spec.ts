import { expect, test, type Page } from '@playwright/test';

// The point editor: placing, selecting, moving and deleting points, generators and CSV.

const plot = (page: Page) => page.getByTestId('data-plot');
const count = (page: Page) => page.getByTestId('point-count');

async function clearPoints(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Clear points' }).click();
  await expect(count(page)).toHaveText('0 points: 0 red, 0 blue');
}

test('click adds points of the chosen class, shift-click the other, right-click deletes; each undoable', async ({ page }) => {
  await clearPoints(page);
  await plot(page).click({ position: { x: 40, y: 40 } });
  await plot(page).click({ position: { x: 280, y: 60 } });
  await expect(count(page)).toHaveText('2 points: 2 red, 0 blue');
  // the point just placed is the example in hand; its coordinates are the plane's (y up)
  await expect(page.getByText(/example in hand: #2 \(0\.7\d*, 0\.6\d*\)/)).toBeVisible();

  await plot(page).click({ position: { x: 160, y: 250 }, modifiers: ['Shift'] });
  await expect(count(page)).toHaveText('3 points: 2 red, 1 blue');
  await page.getByRole('button', { name: 'Blue (high)' }).click();
  await plot(page).click({ position: { x: 100, y: 200 } });
  await expect(count(page)).toHaveText('4 points: 2 red, 2 blue');

  await plot(page).click({ position: { x: 283, y: 62 }, button: 'right' }); // near the 2nd point
  await expect(count(page)).toHaveText('3 points: 1 red, 2 blue');
  await plot(page).click({ position: { x: 45, y: 38 }, modifiers: ['Control'] }); // ctrl-click deletes too
  await expect(count(page)).toHaveText('2 points: 0 red, 2 blue');

  await page.locator('body').press('Control+z');
  await expect(count(page)).toHaveText('3 points: 1 red, 2 blue');
  await page.locator('body').press('Control+z');
  await expect(count(page)).toHaveText('4 points: 2 red, 2 blue');
});

test('pressing on a point selects it instead of adding; dragging moves it as one undo step', async ({ page }) => {
  await clearPoints(page);
  await plot(page).click({ position: { x: 160, y: 160 } }); // the origin
  await plot(page).click({ position: { x: 80, y: 80 } });
  await expect(page.getByText('example in hand: #2')).toBeVisible();
  await plot(page).click({ position: { x: 163, y: 158 } }); // within a few px of #1
  await expect(count(page)).toHaveText('2 points: 2 red, 0 blue');
  await expect(page.getByText('example in hand: #1 (0, 0)')).toBeVisible();

  const box = (await plot(page).boundingBox())!;
  await page.mouse.move(box.x + 160, box.y + 160);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 160 + 10 * i, box.y + 160 - 10 * i);
  await page.mouse.up();
  await expect(page.getByText('example in hand: #1 (0.5, 0.5)')).toBeVisible();
  await expect(count(page)).toHaveText('2 points: 2 red, 0 blue');
  await page.locator('body').press('Control+z');
  await expect(page.getByText('example in hand: #1 (0, 0)')).toBeVisible();
});

test('from the keyboard: [ ] pick a point, arrows move it as one undo step, Delete removes it', async ({ page }) => {
  await clearPoints(page);
  await plot(page).click({ position: { x: 160, y: 160 } });
  await plot(page).click({ position: { x: 240, y: 80 } });
  await plot(page).focus();
  await page.keyboard.press('[');
  await expect(page.getByText('example in hand: #1 (0, 0)')).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByText('example in hand: #2 (0.5, 0.5)')).toBeVisible();
  await page.keyboard.press(']'); // wraps around
  await expect(page.getByText('example in hand: #1 (0, 0)')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByText('example in hand: #1 (0.02, 0.2)')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(count(page)).toHaveText('1 point: 1 red, 0 blue');
  await page.keyboard.press('Control+z');
  await expect(count(page)).toHaveText('2 points: 2 red, 0 blue');
  await page.keyboard.press('Control+z'); // each arrow press is one step
  await page.keyboard.press('Control+z');
  await plot(page).click({ position: { x: 160, y: 160 } }); // selects the point back at the origin
  await expect(page.getByText('example in hand: #1 (0, 0)')).toBeVisible();
  await expect(count(page)).toHaveText('2 points: 2 red, 0 blue');
});

test('generators fill the plane; the decision map is painted behind the points', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Data set').selectOption('xor');
  await page.getByLabel('Count').fill('120');
  await page.getByRole('button', { name: 'Generate points' }).click();
  await expect(count(page)).toHaveText('120 points: 60 red, 60 blue');
  // the map canvas holds more than one colour
  const colours = await page.locator('.plot-map').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<string>();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return { size: c.width * c.height, seen: seen.size };
  });
  expect(colours.size).toBeGreaterThanOrEqual(100 * 100);
  expect(colours.seen).toBeGreaterThan(1);
});

test('importing points beyond the plot widens it to show them all, in one undo step', async ({ page }) => {
  await page.goto('/');
  const csv = '0,0,1\n3,0,0\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'far.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('Imported 2 points from far.csv; the plot now shows x -1…3.2, y -1…1 to fit them')).toBeVisible();
  await expect(count(page)).toHaveText('2 points: 1 red, 1 blue');
  // the far point is drawn inside the plot: its right edge at x = 3 of −1…3.2
  const cx = await page.locator('.plot-points circle.point').nth(1).getAttribute('cx');
  expect(Number(cx)).toBeCloseTo((4 / 4.2) * 320, 6);
  await page.locator('body').press('Control+z');
  await expect(count(page)).not.toHaveText('2 points: 1 red, 1 blue');
});

test('CSV import reports bad rows by line and keeps the good ones; export writes x,y,class', async ({ page }) => {
  await page.goto('/');
  const csv = 'x,y,class\n0.1,0.2,1\n0.3,oops,0\n-0.5,-0.5,0\n0.9,0.9,7\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'pts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(count(page)).toHaveText('2 points: 1 red, 1 blue');
  await expect(page.getByText(/skipped 2 bad rows: line 3: .*line 5: class must be 0 or 1/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = await new Promise<string>((resolve, reject) => {
    file.createReadStream().then((s) => {
      let out = '';
      s.on('data', (c) => (out += c));
      s.on('end', () => resolve(out));
      s.on('error', reject);
    }, reject);
  });
  expect(text).toBe('x,y,class\n0.1,0.2,1\n-0.5,-0.5,0\n');
});

test('a CSV is read off the page with progress and Cancel; points that cannot be plotted are refused, the data untouched', async ({ page }) => {
  await page.goto('/');
  const before = await count(page).textContent();
  const rows = Array.from({ length: 400_000 }, (_, i) => `${(i % 1000) / 1000},${(i % 777) / 777},${i % 2}`).join('\n');
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
  const progress = page.getByRole('status').filter({ hasText: 'Reading many.csv…' });
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Import of many.csv cancelled; the data is unchanged.')).toBeVisible();
  await expect(count(page)).toHaveText(before!);

  const far = '1.75e308,0,1\n-1.75e308,0,0\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'far.csv', mimeType: 'text/csv', buffer: Buffer.from(far) });
  await expect(page.getByText(/The points in “far\.csv” spread too far to plot/)).toBeVisible();
  await expect(count(page)).toHaveText(before!);
});
