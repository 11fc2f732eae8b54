import { expect, test, type Page } from '@playwright/test';

// Bugs of issue 12 that only the page shows: keyboard focus and Tab order on the canvas, the
// inspector's math names, the edge labels of the Update step, nodes that keep their width while
// training changes their numbers. Screenshots of the changed screens at 1280×720 and 1440×900.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const stepper = (page: Page) => page.getByRole('region', { name: 'Step through one example' });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/bugs-${name}-${page.viewportSize()!.width}x${page.viewportSize()!.height}.png` });

async function openTutorial(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(node(page, '6')).toBeVisible();
}

/** what has focus: "node 3", "edge in_x->1", or the button's accessible name */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    if (el.classList.contains('react-flow__node')) return `node ${el.dataset.id}`;
    if (el.classList.contains('react-flow__edge')) return `edge ${el.dataset.id ?? el.getAttribute('data-id')}`;
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });
}

test('Tab visits every node before any edge, with a visible focus ring; Space plays and pauses', async ({ page }) => {
  await page.setViewportSize(SIZES[1]);
  await openTutorial(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await node(page, 'in_1').focus();
  await page.keyboard.press('Shift+Tab');
  const seen: string[] = [];
  for (let i = 0; i < 32; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  const onCanvas = seen.filter((s) => s.startsWith('node ') || s.startsWith('edge '));
  const firstEdge = onCanvas.findIndex((s) => s.startsWith('edge '));
  expect(onCanvas.slice(0, 9)).toEqual(['in_1', 'in_x', 'in_y', '1', '2', '3', '4', '5', '6'].map((id) => `node ${id}`));
  expect(firstEdge).toBe(9);
  expect(onCanvas).toHaveLength(9 + 21);

  await node(page, '3').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // keyboard focus: :focus-visible
  const ring = await node(page, '3').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(ring).toBe('solid 3px');
  await shot(page, 'focus');

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play training' })).toHaveAttribute('aria-keyshortcuts', 'Space');
});

test('Tab presses from the page start to Play on the 2-5-1 (reported, not a goal)', async ({ page }) => {
  await page.setViewportSize(SIZES[1]);
  await openTutorial(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let presses = 0;
  for (; presses < 120; presses++) {
    if ((await focused(page)) === 'Play training') break;
    await page.keyboard.press('Tab');
  }
  console.log(`Tab presses from the page start to Play on 2-5-1: ${presses}`);
  expect(presses).toBeLessThan(120);
});

for (const size of SIZES) {
  test(`inspector math names, Update-step labels, steady node widths at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openTutorial(page);
    await node(page, '3').click();
    const dt = page.locator('.inspector .readout dt.math-name').first();
    await expect(dt).toBeVisible();
    expect(await dt.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
    await expect(dt).toHaveText('sk');
    await shot(page, 'inspector');
    // an edge's inspector too: ∂E/∂w, not ∂E/∂W (reached from the node's list of its edges)
    await page.getByRole('group', { name: 'Edges in, from (3)' }).scrollIntoViewIfNeeded();
    await shot(page, 'inspector-edges');
    await page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'Select edge in_1 → 3' }).click();
    const grad = page.locator('.inspector .readout dt').first();
    await expect(grad).toHaveText('∂E/∂w');
    expect(await grad.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
    await shot(page, 'inspector-edge');
    await node(page, '3').click();

    // the node keeps its width while training changes its numbers
    const width = async () => (await node(page, '3').boundingBox())!.width;
    const before = await width();
    await page.getByRole('button', { name: 'Play training' }).click();
    const widths = [before];
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(150);
      widths.push(await width());
    }
    await page.getByRole('button', { name: 'Pause training' }).click();
    expect(new Set(widths).size).toBe(1);

    // stepping: Update labels only the output's incoming edges; the backward step shows the chain
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByRole('tab', { name: 'Step through' }).click();
    const panel = stepper(page);
    await panel.getByRole('button', { name: 'Step through this example' }).click();
    // training paused mid-epoch: the step-through follows its order, so go to the example it trains next
    const toNext = panel.getByRole('button', { name: /training’s next\)$/ });
    if (await toNext.isVisible()) await toNext.click();
    for (let i = 0; i < 8; i++) await page.keyboard.press('n'); // start → forward ×6 → error → backward 6
    await expect(panel.locator('[data-formula="dEds"]')).toBeVisible();
    await expect(panel.locator('[data-formula="grad"]')).toHaveCount(6);
    await shot(page, 'backward');
    await page.keyboard.press('End');
    await expect(panel.getByRole('heading', { name: 'Update' })).toBeVisible();
    await expect(page.locator('.bp-edge-label')).toHaveCount(6);
    await shot(page, 'update');
    await node(page, '3').click();
    await expect(page.locator('.bp-edge-label')).toHaveCount(3);
  });
}

test('a second output says what is missing and trains after one click', async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openTutorial(page);
    await node(page, '5').click();
    await page.getByRole('checkbox', { name: 'Output neuron' }).check();
    await expect(page.getByText('Output 2 has no target yet')).toBeVisible();
    await shot(page, 'second-output');
    await page.getByRole('button', { name: /Add a target for output 2/ }).click();
    await expect(page.getByText('Output 2 has no target yet')).toHaveCount(0);
    await expect(node(page, '5').locator('[data-quantity="z"]')).toHaveCount(1);
  }
});

test('η = 50 on the 2-5-1 is named saturation, while training and after pause', async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openTutorial(page);
    const eta = page.getByRole('textbox', { name: /learning rate/i });
    await eta.fill('50');
    await eta.press('Enter');
    await page.getByRole('button', { name: 'Play training' }).click();
    await expect(page.getByTestId('saturated')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause training' }).click();
    await expect(page.getByTestId('saturated')).toBeVisible();
    await shot(page, 'saturated');
  }
});

for (const size of SIZES) {
  test(`a stepped update past the weight limit is refused as training refuses it, said on the card and in a message (${size.width}×${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await openTutorial(page);
    const eta = page.getByRole('textbox', { name: /learning rate/i });
    await eta.fill('1e9');
    await eta.press('Enter');
    await page.getByRole('tab', { name: 'Step through' }).click();
    await page.getByRole('button', { name: 'Step through this example' }).click();
    await page.getByRole('button', { name: 'Run to end of example' }).click();
    const card = stepper(page).locator('.stepper-detail');
    await expect(card).toContainText('past the limit of ±10⁶');
    await expect(card).toContainText('Next step does not apply it and stops stepping.');
    await shot(page, 'refused-update-card');
    const before = await node(page, '6').locator('.ann-value').allTextContents();
    await page.getByRole('button', { name: 'Stop: this update is past the weight limit' }).click();
    await expect(page.locator('.notice-error')).toContainText('The update was not applied and the weights stay as they were');
    await expect(page.getByRole('button', { name: 'Step through this example' })).toBeVisible(); // stepping stopped
    expect(await node(page, '6').locator('.ann-value').allTextContents()).toEqual(before);
    await shot(page, 'refused-update-notice');
  });
}
