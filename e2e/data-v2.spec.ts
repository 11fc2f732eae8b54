import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './editor.helpers';

// The data panel of format version 2: k classes, test data, regression, CSV class labels.

const SHOTS = 'test-results/screenshots';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

const count = (page: Page) => page.getByTestId('point-count');
const split = (page: Page) => page.getByTestId('split-count');
const data = (page: Page) => page.getByRole('region', { name: 'Data', exact: true });
const dataSet = (page: Page) => page.getByRole('region', { name: 'Choose data' });
const points = (page: Page) => page.locator('.plot-points circle.point');

/** the distinct fill colours of the plot's filled points and its hollow (test) ones */
async function colours(page: Page): Promise<{ filled: number; hollow: number; hollowCount: number }> {
  return points(page).evaluateAll((els) => {
    const filled = new Set<string>();
    const hollow = new Set<string>();
    for (const el of els) (el.classList.contains('point-test') ? hollow : filled).add(el.getAttribute('data-colour') ?? '');
    return { filled: filled.size, hollow: hollow.size, hollowCount: els.filter((el) => el.classList.contains('point-test')).length };
  });
}

/** how many distinct colours the map canvas shows (sampled) */
async function mapColours(map: Locator): Promise<number> {
  return map.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<string>();
    for (let i = 0; i < d.length; i += 4 * 37) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  });
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const stream = await (await download).createReadStream();
  let out = '';
  for await (const chunk of stream) out += chunk;
  return out;
}

async function threeClassSpiral(page: Page) {
  await page.getByLabel('Training data').fill('80');
  await dataSet(page).getByLabel('Number of classes').selectOption('3');
  await expect(count(page)).toHaveText('200 points: 67 class 0, 67 class 1, 66 class 2');
  await expect(split(page)).toHaveText(' · 160 training, 40 test');
}

test('a 3-class spiral with a 20 % test split: three colours, hollow test points, shown or hidden (remembered), the outputs added in one click', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('group', { name: 'Point sets' }).getByRole('button', { name: 'Spiral points' }).click();
  await threeClassSpiral(page);
  expect(await colours(page)).toEqual({ filled: 3, hollow: 3, hollowCount: 40 });
  await expect(data(page).getByRole('group', { name: 'Class of new points' }).getByRole('button')).toHaveCount(3);

  // the tutorial net has one output: the panel says so and adds two
  const issue = data(page).getByRole('status').filter({ hasText: '3 classes need 3 output neurons' });
  await expect(issue).toBeVisible();
  await issue.getByRole('button', { name: 'Add outputs 2…3' }).click();
  await expect(issue).toBeHidden();
  const map = page.locator('canvas.plot-map');
  await expect(map).toHaveAttribute('data-mode', 'winner');
  await expect.poll(() => mapColours(map)).toBeGreaterThan(2);

  const show = data(page).getByLabel('Show test data');
  await show.uncheck();
  await expect(page.locator('.plot-points circle.point-test')).toHaveCount(0);
  await expect(points(page)).toHaveCount(160);
  await page.reload();
  await expect(data(page).getByLabel('Show test data')).not.toBeChecked();
  await data(page).getByLabel('Show test data').check();
  await threeClassSpiral(page);
  await expect(page.locator('.plot-points circle.point-test')).toHaveCount(40);
  expect(errors).toEqual([]);
});

test('keys 1…3 choose the class of a new point, T makes the point in hand a test point', async ({ page }) => {
  await openApp(page);
  await dataSet(page).getByLabel('Number of classes').selectOption('3');
  const plot = page.getByTestId('data-plot');
  await plot.focus();
  await page.keyboard.press('3');
  await plot.click({ position: { x: 20, y: 300 } });
  await expect(page.getByText(/example in hand: #201/)).toBeVisible();
  await expect(count(page)).toHaveText('201 points: 67 class 0, 67 class 1, 67 class 2');
  await page.keyboard.press('t');
  await expect(split(page)).toHaveText(' · 200 training, 1 test');
  await expect(data(page).getByLabel('Test point')).toBeChecked();
  await page.locator('body').press('Control+z');
  await expect(split(page)).toHaveCount(0);
});

test('a 1-D function fit: points coloured by value at (x, value), a colour bar, the fit drawn as a curve', async ({ page }) => {
  const errors = await openApp(page);
  await dataSet(page).getByRole('radio', { name: 'Regression' }).click();
  await page.getByRole('group', { name: 'Point sets' }).getByRole('button', { name: '1-D function points' }).click();
  await expect(count(page)).toHaveText(/^200 points, values -?[\d.]+ … [\d.]+$/);
  expect((await colours(page)).filled).toBeGreaterThan(20);
  await expect(data(page).getByRole('img', { name: /^value scale from -?[\d.]+ to [\d.]+$/ })).toBeVisible();
  await expect(page.getByTestId('plot-curve')).toHaveAttribute('points', /^(-?[\d.]+,-?[\d.]+ ){50,}/);
  // the points trace sin(π x): the leftmost quarter is below the middle of the plot, the next above
  const ys = await points(page).evaluateAll((els) => els.map((el) => [Number(el.getAttribute('cx')), Number(el.getAttribute('cy'))]));
  const mean = (f: (x: number) => boolean) => {
    const sel = ys.filter(([x]) => f(x)).map(([, y]) => y);
    return sel.reduce((a, b) => a + b, 0) / sel.length;
  };
  expect(mean((x) => x < 80)).toBeGreaterThan(160);
  expect(mean((x) => x > 240)).toBeLessThan(160);
  expect(errors).toEqual([]);
});

test('a CSV with string class labels imports as k classes, exports the same, and re-imports to the same data set', async ({ page }) => {
  await openApp(page);
  const csv = 'x,y,class,test\n0.1,0.2,setosa,0\n0.3,-0.4,versicolor,0\n-0.5,0.5,"virginica, tall",1\n0.6,0.6,setosa,0\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'iris.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(count(page)).toHaveText('4 points: 2 setosa, 1 versicolor, 1 virginica, tall');
  await expect(split(page)).toHaveText(' · 3 training, 1 test');
  await expect(data(page).getByRole('button', { name: 'Virginica, tall' })).toBeVisible();
  const text = await readDownload(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(text).toBe(`# classes: setosa,versicolor,"virginica, tall"\n${csv}`);
  await page.getByRole('button', { name: 'Clear points' }).click();
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(count(page)).toHaveText('4 points: 2 setosa, 1 versicolor, 1 virginica, tall');
  expect(await readDownload(page, () => page.getByRole('button', { name: 'Export CSV' }).click())).toBe(text);
});

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;
  test(`screenshots of the data area at ${at}: 3 classes with test data, regression`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await page.getByRole('group', { name: 'Point sets' }).getByRole('button', { name: 'Spiral points' }).click();
    await threeClassSpiral(page);
    await data(page).getByRole('button', { name: 'Add outputs 2…3' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/data-v2-3class-${at}.png` });
    await page.locator('.app-right').screenshot({ path: `${SHOTS}/data-v2-3class-panel-${at}.png` });
    await dataSet(page).getByRole('radio', { name: 'Regression' }).click();
    await page.waitForTimeout(300);
    await page.locator('.app-right').screenshot({ path: `${SHOTS}/data-v2-plane-panel-${at}.png` });
    await page.getByRole('group', { name: 'Point sets' }).getByRole('button', { name: '1-D function points' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/data-v2-function-${at}.png` });
    await page.locator('.app-right').screenshot({ path: `${SHOTS}/data-v2-function-panel-${at}.png` });
  });
}
