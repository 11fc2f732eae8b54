import { expect, test, type Page } from '@playwright/test';
import { flowNode, openApp, settle } from './editor.helpers';

// The classroom: one screen at a projector's 1280×720 and at 1440×900 (the network, the data
// plot, the loss and the training controls together, no page scroll, type a projector shows),
// a watchable default pace, data sets as thumbnails, presentation mode, and the first minute's
// legend and hint that go away when dismissed and stay away.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
const SHOTS = 'test-results/screenshots';

const network = (page: Page) => page.getByRole('region', { name: /^Network/ });
const data = (page: Page) => page.getByRole('region', { name: /^Data$/ });
const loss = (page: Page) => page.getByRole('region', { name: /^Loss/ });
const readout = async (page: Page, name: string) => Number(await page.getByTestId(`readout-${name}`).getAttribute('data-value'));

/** the box of each landmark, and whether the page itself scrolls */
async function expectOneScreen(page: Page, size: { width: number; height: number }) {
  for (const [name, landmark] of [['Network', network(page)], ['Data', data(page)], ['Loss', loss(page)]] as const) {
    const box = (await landmark.boundingBox())!;
    expect(box, `${name} is on screen`).not.toBeNull();
    expect(box.x, `${name} left`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${name} top`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(size.width + 0.5);
    expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(size.height + 0.5);
    expect(box.width * box.height, `${name} has room`).toBeGreaterThan(150 * 100);
  }
  // the plot with its map and the controls inside
  for (const inside of [page.getByTestId('data-plot'), page.getByRole('button', { name: /^(Play|Pause) training$/ }), page.getByLabel('Speed')]) {
    const box = (await inside.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  }
  const scroll = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(scroll).toEqual({ x: 0, y: 0 });
}

/** every node of the opened net whole inside the canvas, and none under the canvas's overlays (the example in hand, zoom buttons, minimap, drag toggle) */
async function expectNodesClear(page: Page) {
  const boxes = await page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('data-id') ?? el.className.toString().split(' ')[0], x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const overlays = ['.example-badge', '.react-flow__controls', '.react-flow__minimap', '.pan-mode'].flatMap((q) => [...document.querySelectorAll(q)]);
    return {
      pane: box(document.querySelector('.react-flow')!),
      nodes: [...document.querySelectorAll('.react-flow__node')].map(box),
      overlays: overlays.map(box),
    };
  });
  expect(boxes.nodes.length).toBeGreaterThan(0);
  expect(boxes.overlays.length, 'the example badge, zoom buttons, minimap and drag toggle are found').toBe(4);
  for (const n of boxes.nodes) {
    expect(n.y1, `node ${n.name} ends inside the canvas`).toBeLessThanOrEqual(boxes.pane.y1);
    expect(n.y0, `node ${n.name} starts inside the canvas`).toBeGreaterThanOrEqual(boxes.pane.y0);
    for (const o of boxes.overlays) {
      const overlap = n.x0 < o.x1 && o.x0 < n.x1 && n.y0 < o.y1 && o.y0 < n.y1;
      expect(overlap, `node ${n.name} is not under the ${o.name}`).toBe(false);
    }
  }
}

async function fresh(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  return openApp(page);
}

for (const size of SIZES) {
  const at = `${size.width}×${size.height}`;

  test(`at ${at} the network, the data plot, the loss and the controls share one screen, in type a projector shows`, async ({ page }) => {
    const errors = await fresh(page, size);
    await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
    await settle(page);
    await expectOneScreen(page, size);
    await expectNodesClear(page);
    const sizes = await page.locator('.react-flow__node .ann-value, .react-flow__node .bp-node-name').evaluateAll((els) =>
      els.map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(sizes.length).toBeGreaterThan(10);
    for (const px of sizes) expect(px).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SHOTS}/default-${at}.png` });

    // the step-through open in its tab: still one screen
    await page.getByRole('tab', { name: 'Step through' }).click();
    await page.getByRole('button', { name: 'Step through this example' }).click();
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expectOneScreen(page, size);
    await page.screenshot({ path: `${SHOTS}/stepper-${at}.png` });
    expect(errors).toEqual([]);
  });

  test(`at ${at} presentation mode keeps the network, the plot and the loss, in larger type`, async ({ page }) => {
    await fresh(page, size);
    await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
    const before = parseFloat(await flowNode(page, '3').locator('.ann-value').first().evaluate((e) => getComputedStyle(e).fontSize));
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('complementary', { name: 'Palette' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'File' })).toBeHidden();
    await expect(page.getByRole('tablist', { name: 'Details' })).toBeHidden();
    await settle(page);
    await expectOneScreen(page, size);
    await expectNodesClear(page);
    const after = parseFloat(await flowNode(page, '3').locator('.ann-value').first().evaluate((e) => getComputedStyle(e).fontSize));
    expect(after).toBeGreaterThan(before);
    await page.screenshot({ path: `${SHOTS}/presentation-${at}.png` });
    // the shortcut leaves it and comes back
    await page.keyboard.press('Control+Shift+P');
    await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();
    await page.keyboard.press('Control+Shift+P');
    await expect(page.getByRole('complementary', { name: 'Palette' })).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();
  });

  test(`at ${at} the training strip keeps its one line and its buttons when the readouts widen`, async ({ page }) => {
    // seen while a 2-64-64-1 trained: each snapshot that ended mid-epoch showed "Epoch 20108 (+22)",
    // the wider readout squeezed "Step example" onto two lines, and the canvas under the strip
    // jumped 10 px several times a second
    await fresh(page, size);
    await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
    await settle(page);
    const strip = page.getByRole('region', { name: 'Training controls' });
    const layout = () =>
      strip.evaluate((el) => ({
        strip: el.getBoundingClientRect().height,
        scrolls: el.scrollWidth > el.clientWidth,
        buttons: Array.from(el.querySelectorAll('button, select'), (b) => {
          const r = b.getBoundingClientRect();
          return `${b.textContent} ${Math.round(r.x)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        }),
      }));
    const before = await layout();
    // the widest each readout gets in a long run (the number format caps the digits)
    const widest: Record<string, string> = { Epoch: '1234567 (+199)', E: '-1.234e-15', 'Mean error': '1.234e-15', Accuracy: '100.0 %', 'Updates/s': '195.2 k/s' };
    await strip.evaluate((el, widest) => {
      for (const [label, text] of Object.entries(widest)) el.querySelector(`[data-testid="readout-${label}"]`)!.textContent = text;
    }, widest);
    expect(await layout()).toEqual({ ...before, scrolls: false });
    // the number itself stays in view; what does not fit ends in an ellipsis, the full value on hover
    await expect(page.getByTestId('readout-Epoch')).toBeInViewport();
  });

  test(`at ${at} a big graph still leaves the plot and the loss on screen`, async ({ page }) => {
    await fresh(page, size);
    await page.getByRole('textbox', { name: 'Layer sizes' }).fill('2-32-32-1');
    await page.getByRole('button', { name: 'Generate layered' }).click();
    await settle(page);
    await expectOneScreen(page, size);
    await page.screenshot({ path: `${SHOTS}/big-graph-${at}.png` });
  });
}

test('Play at the default pace moves XOR by tens of epochs a second; full speed is one click away', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await page.getByRole('button', { name: 'XOR points' }).click();
  await expect(page.getByTestId('point-count')).toHaveText('200 points: 100 red, 100 blue');
  await expect(page.getByLabel('Speed')).toHaveValue(/.+/);
  const start = await readout(page, 'Epoch');
  await page.getByRole('button', { name: 'Play training' }).click();
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  const watched = (await readout(page, 'Epoch')) - start;
  expect(watched).toBeGreaterThanOrEqual(10);
  expect(watched).toBeLessThanOrEqual(80);

  const full = page.getByRole('button', { name: 'Full speed' });
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'true');
  const from = await readout(page, 'Epoch');
  await page.getByRole('button', { name: 'Play training' }).click();
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Pause training' }).click();
  expect((await readout(page, 'Epoch')) - from).toBeGreaterThan(3 * watched);
  // and back to watching
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'false');
});

test('a data set thumbnail replaces the points in one click, as one undo step', async ({ page }) => {
  await openApp(page);
  const count = page.getByTestId('point-count');
  const before = await count.textContent();
  const thumbs = page.getByRole('group', { name: 'Point sets' });
  await thumbs.getByRole('button', { name: 'Spiral points' }).click();
  await expect(count).toHaveText('200 points: 100 red, 100 blue');
  await expect(page.getByLabel('Data set')).toHaveValue('spiral');
  await page.getByLabel('Count').fill('40');
  await thumbs.getByRole('button', { name: 'Circle points' }).click();
  await expect(count).toHaveText('40 points: 20 red, 20 blue');
  await page.locator('body').press('Control+z');
  await expect(count).toHaveText('200 points: 100 red, 100 blue');
  await page.locator('body').press('Control+z');
  await expect(count).toHaveText(before!);
});

test('the legend and the first-run hint go away when dismissed and stay away after a reload', async ({ page }) => {
  await openApp(page);
  const legend = page.getByRole('complementary', { name: 'Legend' });
  const hint = page.getByRole('note', { name: 'Getting started' });
  await expect(legend).toBeVisible();
  for (const term of ['s', 'z', '∂h/∂s']) await expect(legend.getByText(term, { exact: true })).toBeVisible();
  await expect(legend).toContainText('blue weight +, orange −');
  await expect(legend).toContainText('edge width');
  await expect(legend).toContainText('thumbnail');
  await expect(hint).toBeVisible();

  await legend.getByRole('button', { name: 'Dismiss the legend' }).click();
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(legend).toBeHidden();
  await expect(hint).toBeHidden();
  await page.reload();
  await expect(flowNode(page, 'in_1')).toBeVisible();
  await expect(legend).toBeHidden();
  await expect(hint).toBeHidden();
  // the legend comes back on request
  await page.getByRole('button', { name: 'Show the legend' }).click();
  await expect(legend).toBeVisible();
});

test('a drag on the empty canvas pans and the wheel zooms; the toggle swaps to box selection, remembered', async ({ page }) => {
  await openApp(page);
  await settle(page);
  const viewport = page.locator('.react-flow__viewport');
  const transform = () =>
    viewport.evaluate((el) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      return { a: m.a, e: m.e, f: m.f };
    });
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const x = pane.x + pane.width * 0.5;
  const y = pane.y + 24; // above the fitted graph, below the top overlays
  const t0 = await transform();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 80, y - 40, { steps: 6 });
  await page.mouse.up();
  const t1 = await transform();
  expect(t1.e - t0.e).toBeCloseTo(80, 0);
  expect(t1.f - t0.f).toBeCloseTo(-40, 0);
  await page.mouse.move(x, y + 20);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await transform()).a).toBeLessThan(t1.a);

  const toggle = page.getByRole('group', { name: 'Drag on the canvas' });
  await toggle.getByRole('button', { name: 'Select' }).click();
  await page.reload();
  await expect(flowNode(page, 'in_1')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Drag on the canvas' }).getByRole('button', { name: 'Select' })).toHaveAttribute('aria-pressed', 'true');
  await settle(page);
  const t2 = await transform();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 80, y - 40, { steps: 6 });
  await page.mouse.up();
  expect((await transform()).e).toBe(t2.e);
});

test('New opens a canvas that is empty apart from the three sources: no edges, points or loss', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await page.getByRole('button', { name: 'Step epoch' }).click();
  await expect(page.getByRole('img', { name: /E and accuracy over \d+ recorded epochs/ })).toBeVisible();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.getByTestId('point-count')).toHaveText('0 points: 0 red, 0 blue');
  await expect(page.getByRole('img', { name: 'no training yet' })).toBeVisible();
  await expect(page.getByTestId('readout-Epoch')).toHaveText('0');
});

test('the details tabs: arrows move between them, the shown tab folds the area and the canvas takes the room, remembered', async ({ page }) => {
  await openApp(page);
  const inspector = page.getByRole('tab', { name: 'Inspector' });
  await expect(inspector).toHaveAttribute('aria-selected', 'true');
  await inspector.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Formulas' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Formulas' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Formulas' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();

  const height = async () => (await network(page).boundingBox())!.height;
  const before = await height();
  await page.getByRole('tab', { name: 'Formulas' }).click();
  await expect(page.getByRole('region', { name: 'Formulas' })).toBeHidden();
  await expect.poll(height).toBeGreaterThan(before + 100);
  await page.reload();
  await expect(flowNode(page, 'in_1')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Formulas' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Formulas' })).toBeHidden();
});
