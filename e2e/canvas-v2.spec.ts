import { expect, test, type Page } from '@playwright/test';
import { dragConnect, flowNode, selectEdge, settle } from './editor.helpers';

// Format version 2 on the canvas: derived inputs from the palette (x₁², sin x₁), connected like
// any input; a neuron and an edge switched off while training runs: drawn dimmed and dashed,
// shown as off, and the off edge's weight no longer changes while training carries on.

const SHOTS = 'test-results/screenshots';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

const readout = (page: Page, name: string) => page.getByTestId(`readout-${name}`);
const epoch = async (page: Page) => Number(await readout(page, 'Epoch').getAttribute('data-value'));

/** the weight the selected edge's label shows, in full precision */
const shownWeight = async (page: Page) => Number(await page.locator('.bp-edge-label.selected [data-quantity="w"]').getAttribute('data-value'));

async function epochsPass(page: Page, count: number) {
  const start = await epoch(page);
  await expect.poll(() => epoch(page), { timeout: 30_000, intervals: [100] }).toBeGreaterThanOrEqual(start + count);
}

test('add x₁² and sin x₁ from the palette, connect them, switch an edge and a neuron off while training', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByLabel('Layer sizes').fill('2-4-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await page.getByLabel('Data set').selectOption('circle');
  await page.getByLabel('Count').fill('100');
  await page.getByRole('button', { name: 'Generate points' }).click();
  await settle(page);

  // the palette's derived inputs, each named by its formula, with its own map thumbnail
  const derived = page.getByRole('group', { name: 'Derived inputs' });
  await expect(derived.getByRole('button')).toHaveText(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']);
  await derived.getByRole('button', { name: 'Add input x₁²' }).click();
  await derived.getByRole('button', { name: 'Add input sin x₁' }).click();
  await expect(flowNode(page, 'in_x_sq')).toContainText('x₁²');
  await expect(flowNode(page, 'in_sin_x')).toContainText('sin x₁');
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await settle(page);
  await dragConnect(page, 'in_x_sq', '1');
  await dragConnect(page, 'in_sin_x', '2');
  await expect(page.getByTestId('rf__edge-in_x_sq->1')).toBeVisible();
  await expect(page.getByTestId('rf__edge-in_sin_x->2')).toBeVisible();
  await expect(flowNode(page, 'in_sin_x').locator('canvas.node-thumbnail')).toBeVisible();

  // the inspector says what an input computes
  await flowNode(page, 'in_sin_x').click();
  await expect(page.getByRole('combobox', { name: 'Feature expression' })).toHaveValue('0:sin');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/canvas-v2-palette-${size.width}x${size.height}.png` });
  }

  await page.getByRole('button', { name: 'Play training' }).click();
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();

  // an edge: trained while on…
  await selectEdge(page, 'in_sin_x->2');
  await expect(page.getByText('Edge in_sin_x → 2')).toBeVisible();
  const first = await shownWeight(page);
  await expect.poll(() => shownWeight(page), { timeout: 30_000 }).not.toBe(first);
  // …switched off with O: dashed, marked off, and its weight stays where it is while training runs on
  await page.keyboard.press('o');
  const edgePath = page.getByTestId('rf__edge-in_sin_x->2').locator('path.react-flow__edge-path');
  await expect(edgePath).toHaveClass(/bp-edge-off/);
  await expect(page.locator('.bp-edge-label.selected')).toContainText('off');
  await expect(page.getByRole('checkbox', { name: 'Switched off' })).toBeChecked();
  await epochsPass(page, 2);
  const frozen = await shownWeight(page);
  await epochsPass(page, 5);
  expect(await shownWeight(page)).toBe(frozen);

  // a neuron, from the context menu: dimmed, its values shown as off, the edges at it frozen
  await flowNode(page, '3').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Switch off/ }).click();
  const neuron = flowNode(page, '3').locator('.bp-node');
  await expect(neuron).toHaveClass(/bp-off/);
  await expect(neuron.locator('[data-quantity="z"]')).toHaveText('off');
  await expect(page.getByTestId('rf__edge-3->5').locator('path.react-flow__edge-path')).toHaveClass(/bp-edge-frozen/);
  await epochsPass(page, 2);
  await expect(neuron.locator('[data-quantity="z"]')).toHaveAttribute('data-value', '0');
  // training carries on
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  await selectEdge(page, 'in_sin_x->2');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/canvas-v2-off-${size.width}x${size.height}.png` });
  }
  await page.getByRole('button', { name: 'Pause training' }).click();
  expect(errors).toEqual([]);
});

test('the canvas menu adds a derived input where it was opened, and switches a selection off', async ({ page }) => {
  await page.goto('/');
  await expect(flowNode(page, 'in_1')).toBeVisible();
  const pane = page.locator('.react-flow__pane');
  const menu = page.getByRole('menu', { name: 'Canvas menu' });
  // the whole menu is on screen, opened low on the canvas, at either size
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    const box = (await pane.boundingBox())!;
    await pane.click({ button: 'right', position: { x: 60, y: box.height - 40 } });
    await expect(menu.getByRole('group', { name: 'Add an input' }).getByRole('menuitem')).toHaveCount(7);
    const m = (await menu.boundingBox())!;
    expect(m.y).toBeGreaterThanOrEqual(0);
    expect(m.y + m.height).toBeLessThanOrEqual(size.height);
    await page.screenshot({ path: `${SHOTS}/canvas-v2-menu-${size.width}x${size.height}.png` });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
  await pane.click({ button: 'right', position: { x: 300, y: 200 } });
  await menu.getByRole('menuitem', { name: 'Add input x₂²' }).click();
  await expect(flowNode(page, 'in_y_sq')).toContainText('x₂²');

  await flowNode(page, 'in_y_sq').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Switch off/ }).click();
  await expect(flowNode(page, 'in_y_sq').locator('.bp-node')).toHaveClass(/bp-off/);
  await expect(flowNode(page, 'in_y_sq').locator('[data-quantity="z"]')).toHaveText('off');
});
