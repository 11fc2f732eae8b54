import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { selectEdge } from './editor.helpers';

// Version 2's training in the app: a circle with a 20 % test split (a file with test examples,
// opened through the file input), L2 + momentum + mini-batches of 10 set in the settings, trained
// with Play; train and test accuracy apart, two curves; paused, saved, reopened: the weights and
// momentum's velocities come back identical.

const readout = (page: Page, name: string) => page.getByTestId(`readout-${name}`);
const value = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));

/** a deterministic stand-in for Math.random (the file must be the same every run) */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** 2-8-1 sigmoid net on a circle of 100 points, every 5th a test point (20 %) */
function circleFile(training: Record<string, unknown> = {}): string {
  const rand = lcg(7);
  const examples = Array.from({ length: 100 }, (_, i) => {
    const inside = i % 2 === 0;
    const r = inside ? rand() * 0.45 : 0.6 + rand() * 0.35;
    const a = rand() * 2 * Math.PI;
    return { x: [r * Math.cos(a), r * Math.sin(a)], y: [inside ? 1 : 0], ...(i % 5 === 0 ? { test: true } : {}) };
  });
  const hidden = Array.from({ length: 8 }, (_, k) => `h${k}`);
  const nodes = [
    { id: 'in_1', type: 'bias', position: { x: 0, y: 0 } },
    { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: 120 } },
    { id: 'in_y', type: 'input', feature: 1, position: { x: 0, y: 240 } },
    ...hidden.map((id, k) => ({ id, type: 'neuron', activation: 'sigmoid', position: { x: 250, y: k * 60 } })),
    { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0, position: { x: 500, y: 200 } },
  ];
  const w = () => (rand() * 2 - 1) * 1.5;
  const edges = [
    ...hidden.flatMap((h) => ['in_1', 'in_x', 'in_y'].map((s) => ({ id: `${s}-${h}`, source: s, target: h, weight: w() }))),
    ...['in_1', ...hidden].map((s) => ({ id: `${s}-out`, source: s, target: 'out', weight: w() })),
  ];
  return JSON.stringify({
    format: 'backprop-studio.graph',
    version: 2,
    name: 'circle with a test split',
    nodes,
    edges,
    dataset: { examples },
    training: { learningRate: 0.3, mode: 'sequential', shuffle: true, seed: 1, epoch: 0, ...training },
  });
}

async function save(page: Page): Promise<Download> {
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  return pending;
}

interface SavedEdge {
  id: string;
  weight: number;
  velocity?: number;
}

async function savedEdges(download: Download): Promise<SavedEdge[]> {
  return JSON.parse(readFileSync(await download.path(), 'utf8')).edges;
}

test('L2 + momentum + mini-batches of 10 with a 20 % test split: train and test apart, two curves; save and reopen resume exactly', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open graph file').setInputFiles({ name: 'circle-split.bpgraph.json', mimeType: 'application/json', buffer: Buffer.from(circleFile()) });
  await expect(page).toHaveTitle('circle-split — Backprop Studio');

  await page.getByLabel('Mode').selectOption('minibatch');
  const batch = page.getByLabel('Batch size b');
  await batch.fill('10');
  await batch.press('Enter');
  await page.getByLabel('Regularisation').selectOption('L2');
  await page.getByLabel('Momentum', { exact: true }).check();
  await expect(page.getByLabel('Momentum β')).toHaveValue('0.9');
  await expect(page.getByText('the gradient is summed, not averaged')).toBeVisible();

  // train and test apart before training too; the WebAssembly kernel trains every option (no engine note)
  await expect(readout(page, 'test-Accuracy')).toBeVisible();
  await expect(readout(page, 'aside-Updates/s')).toHaveCount(0);

  await page.getByRole('button', { name: 'Play training' }).click();
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  await expect.poll(() => value(page, 'readout-Accuracy'), { timeout: 45_000, intervals: [250] }).toBeGreaterThanOrEqual(0.9);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();

  await expect(page.getByTestId('readout-Updates/s')).toHaveAttribute('title', /WebAssembly kernel/);
  const train = await value(page, 'readout-Accuracy');
  const testAccuracy = await value(page, 'readout-test-Accuracy');
  expect(train).toBeGreaterThanOrEqual(0.9);
  expect(testAccuracy).toBeGreaterThan(0.5);
  expect(await value(page, 'readout-test-E')).not.toBe(await value(page, 'readout-E'));
  // two error curves (and two accuracy curves), each drawn, with a legend
  for (const series of ['error', 'testError']) await expect(page.locator(`path[data-series="${series}"]`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  await expect(page.getByTestId('legend-testError')).toHaveText(/test mean error/);

  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/training-v2-1280x720.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/training-v2-1440x900.png' });

  const first = await save(page);
  const saved = await savedEdges(first);
  expect(saved.every((e) => typeof e.velocity === 'number' && Number.isFinite(e.velocity))).toBe(true);
  expect(saved.some((e) => e.velocity !== 0)).toBe(true);
  const epoch = await value(page, 'readout-Epoch');
  expect(epoch).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page).toHaveTitle('Untitled — Backprop Studio');
  await page.getByLabel('Open graph file').setInputFiles({ name: first.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await first.path()) });
  await expect(page).toHaveTitle('circle-split — Backprop Studio');
  await expect(readout(page, 'Epoch')).toHaveText(String(epoch));
  await expect(page.getByLabel('Momentum β')).toHaveValue('0.9');
  const again = await savedEdges(await save(page));
  expect(again).toEqual(saved);
});

test('the formula inspector writes the regulariser’s term and the momentum update for an edge, and cross-entropy’s h − y', async ({ page }) => {
  await page.goto('/');
  const file = circleFile({ regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.9, loss: 'crossEntropy' });
  await page.getByLabel('Open graph file').setInputFiles({ name: 'circle-l2.bpgraph.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page).toHaveTitle('circle-l2 — Backprop Studio');
  await selectEdge(page, 'h0-out');
  await page.getByRole('tab', { name: 'Formulas' }).click();
  const group = page.getByRole('group', { name: /Formulas for ∂E\/∂w/ });
  for (const quantity of ['grad', 'gradReg', 'velocity', 'update', 'dEds']) await expect(group.locator(`[data-formula="${quantity}"]`)).toBeVisible();
  await expect(group.locator('[data-formula="dEds"] .formula-note')).toContainText('∂E/∂s = h − y');
  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/formulas-v2-1280x720.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await group.locator('[data-formula="update"]').scrollIntoViewIfNeeded();
  await group.screenshot({ path: 'test-results/screenshots/formulas-v2-blocks.png' });
});
