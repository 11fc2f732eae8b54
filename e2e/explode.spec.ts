import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// "Explode neuron" on the tutorial 2-5-1: opened from a neuron's context menu and from the
// inspector, its boxes' values and gradients those of the command line's `trace` for the example
// in hand, closed with Escape.

const FILE = 'examples/tutorial-2-5-1.bpgraph.json';
const SHOTS = 'test-results/screenshots';

interface Trace {
  nodes: Record<string, { s?: number; z: number; dEds?: number }>;
  edges: Record<string, { weight: number; grad: number }>;
}

const trace = JSON.parse(execFileSync('npm', ['run', '--silent', 'cli', '--', 'trace', FILE, '--example', '0', '--json'], { encoding: 'utf8' })) as Trace;
const view = (page: Page) => page.getByRole('dialog', { name: /exploded/ });
const box = (page: Page, quantity: string) => view(page).locator(`[data-quantity="${quantity}"]`);
const num = async (l: ReturnType<typeof box>, attr: 'data-value' | 'data-grad') => Number(await l.getAttribute(attr));

async function openTutorial(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(page.locator('.react-flow__node[data-id="3"]')).toBeVisible();
  return errors;
}

test('a hidden neuron explodes from its context menu, every box the trace’s number', async ({ page }) => {
  const errors = await openTutorial(page);
  await page.locator('.react-flow__node[data-id="3"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Explode neuron' }).click();
  await expect(view(page)).toBeVisible();
  await expect(view(page).getByRole('heading')).toHaveText('Neuron 3 exploded — example 0');
  await expect(view(page).getByRole('img', { name: /Neuron 3 as operations: 3 products z·w, their sum s, and sigmoid giving z/ })).toBeVisible();

  const n3 = trace.nodes['3'];
  expect(await num(box(page, 'sum'), 'data-value')).toBe(n3.s);
  expect(await num(box(page, 'sum'), 'data-grad')).toBe(n3.dEds);
  expect(await num(box(page, 'out'), 'data-value')).toBe(n3.z);
  // ∂E/∂z_3 reaches z_3 through its one successor: ∂E/∂s_6 · w_{3→6}
  expect(await num(box(page, 'out'), 'data-grad')).toBeCloseTo(trace.nodes['6'].dEds! * trace.edges['3->6'].weight, 15);
  const weights = box(page, 'weight');
  await expect(weights).toHaveCount(3);
  for (const [i, edge] of ['in_1->3', 'in_x->3', 'in_y->3'].entries()) {
    expect(await num(weights.nth(i), 'data-value')).toBe(trace.edges[edge].weight);
    expect(await num(weights.nth(i), 'data-grad')).toBe(trace.edges[edge].grad);
    expect(await num(box(page, 'product').nth(i), 'data-grad')).toBe(n3.dEds);
  }

  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/explode-${w}.png` });
  }
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test('the output neuron explodes from the inspector; its ∂E/∂z is 2(h − y)', async ({ page }) => {
  await openTutorial(page);
  await page.locator('.react-flow__node[data-id="6"]').click();
  await page.getByRole('button', { name: 'Explode neuron' }).click();
  await expect(view(page).getByRole('heading')).toHaveText('Neuron 6 exploded — example 0');
  await expect(box(page, 'weight')).toHaveCount(6);
  expect(await num(box(page, 'out'), 'data-value')).toBe(trace.nodes['6'].z);
  const y = JSON.parse(execFileSync('node', ['-e', `process.stdout.write(JSON.stringify(require('./${FILE}').dataset.examples[0].y))`], { encoding: 'utf8' })) as number[];
  expect(await num(box(page, 'out'), 'data-grad')).toBe(2 * (trace.nodes['6'].z - y[0]));
  await view(page).getByRole('button', { name: 'Close' }).click();
  await expect(view(page)).toBeHidden();
});

test('while predicting, the exploded neuron hides what is still to be predicted, as the canvas does', async ({ page }) => {
  await openTutorial(page);
  await page.locator('body').focus();
  await page.keyboard.press('n'); // start stepping
  await page.keyboard.press('p'); // Predict on
  await page.keyboard.press('n'); // neuron 1's forward step: s_1 is asked
  const card = page.getByRole('region', { name: 'Step through one example' }).locator('.predict-card');
  await expect(card).toHaveAttribute('data-quantity-key', 's:1');
  await page.locator('.react-flow__node[data-id="1"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Explode neuron' }).click();
  await expect(view(page).getByRole('heading')).toHaveText('Neuron 1 exploded — example 0');
  // the inputs and weights are given; s_1, z_1 and every gradient are not
  expect(await box(page, 'input').first().getAttribute('data-value')).not.toBeNull();
  expect(await box(page, 'weight').first().getAttribute('data-value')).not.toBeNull();
  await expect(box(page, 'product').first()).not.toHaveAttribute('data-value');
  for (const q of ['sum', 'out']) {
    await expect(box(page, q)).not.toHaveAttribute('data-value');
    await expect(box(page, q)).not.toHaveAttribute('data-grad');
    await expect(box(page, q)).toContainText('value ?');
  }
  await expect(view(page)).not.toContainText(String(trace.nodes['1'].s).slice(0, 6));
  await expect(view(page)).toContainText('is still to be predicted');
  for (const [w, h] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/explode-predicting-${w}x${h}.png` });
  }
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();
});
