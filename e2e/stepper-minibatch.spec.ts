import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cli } from './cliReference';

// A whole mini-batch epoch stepped in the page: 12 examples, 2 of them test, so 10 training
// examples in batches of 3, 3, 3 and 1, shuffled, with L2 and momentum. Each example says its
// batch; the update comes at each batch's end; the weights after the epoch are the command
// line's `train --epochs 1`, bit for bit. A test example is shown but never trained on.

const stepper = (page: Page) => page.getByRole('region', { name: 'Step through one example' });
const valueOf = async (page: Page, selector: string) => Number(await stepper(page).locator(selector).getAttribute('data-value'));

function minibatchFile(): string {
  const xs = [[0.1, 0.9], [-0.7, 0.2], [0.4, -0.5], [0.8, 0.8], [-0.3, -0.9], [0.6, 0.1], [-0.9, -0.4], [0.2, 0.3], [-0.5, 0.7], [0.9, -0.8], [-0.1, -0.2], [0.35, 0.65]];
  const examples = xs.map((x, i) => ({ x, y: [x[0] * x[1] > 0 ? 1 : 0], ...(i === 3 || i === 8 ? { test: true } : {}) }));
  const nodes = [
    { id: 'in_1', type: 'bias', position: { x: 0, y: 0 } },
    { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: 120 } },
    { id: 'in_y', type: 'input', feature: 1, position: { x: 0, y: 240 } },
    { id: 'h1', type: 'neuron', activation: 'tanh', position: { x: 250, y: 40 } },
    { id: 'h2', type: 'neuron', activation: 'sigmoid', position: { x: 250, y: 200 } },
    { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0, position: { x: 500, y: 120 } },
  ];
  const pairs = [['in_1', 'h1'], ['in_x', 'h1'], ['in_y', 'h1'], ['in_1', 'h2'], ['in_x', 'h2'], ['in_y', 'h2'], ['in_1', 'out'], ['h1', 'out'], ['h2', 'out'], ['in_x', 'out']];
  const weights = [0.3, -0.8, 0.55, -0.2, 0.9, -0.6, 0.1, 1.2, -0.9, 0.4];
  const edges = pairs.map(([s, t], i) => ({ id: `${s}-${t}`, source: s, target: t, weight: weights[i], velocity: (i % 3) * 0.02 - 0.01 }));
  return JSON.stringify({
    format: 'backprop-studio.graph',
    version: 2,
    name: 'minibatch steps',
    nodes,
    edges,
    dataset: { examples },
    training: { learningRate: 0.6, mode: 'minibatch', batchSize: 3, shuffle: true, seed: 5, epoch: 2, regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.5 },
  });
}

/** the command line's weights after one epoch of the file */
function oneEpoch(text: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'minibatch-'));
  try {
    const file = join(dir, 'minibatch.bpgraph.json');
    writeFileSync(file, text);
    return (cli('train', file, '--epochs', '1', '--json') as { weights: Record<string, number> }).weights;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openFile(page: Page, text: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByLabel('Open graph file').setInputFiles({ name: 'minibatch.bpgraph.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page).toHaveTitle('minibatch — Backprop Studio');
  await page.getByRole('tab', { name: 'Step through' }).click();
  return errors;
}

test('stepping a whole mini-batch epoch gives the command line’s weights, batch by batch', async ({ page }) => {
  const text = minibatchFile();
  const trained = oneEpoch(text);
  const errors = await openFile(page, text);
  const panel = stepper(page);

  // a test example: forward and error only, and it says so
  await panel.getByRole('button', { name: 'Next example' }).click();
  await panel.getByRole('button', { name: 'Next example' }).click();
  await panel.getByRole('button', { name: 'Next example' }).click();
  await expect(panel.getByText('Example 4 of 12')).toBeVisible();
  await expect(panel.getByText('(test: never trained on)')).toBeVisible();
  await panel.getByRole('button', { name: 'Step through this example' }).click();
  await expect(panel.getByText(/This is a test example: training never learns from it/)).toBeVisible();
  await page.keyboard.press('End');
  await expect(panel.getByRole('heading', { name: 'Test example: no training' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Phases' })).not.toContainText('Backward');
  await page.screenshot({ path: 'test-results/stepper-minibatch-test-example.png' });
  // its end hands over to training's first example, batch 1 of 4
  await page.keyboard.press('n');
  await expect(panel.locator('.stepper-epoch')).toContainText('Epoch 3 (2 finished), batch 1 of 4 (examples');

  const ends: string[] = [];
  for (let p = 0; p < 10; p++) {
    const batch = Math.floor(p / 3) + 1;
    await expect(panel.locator('.stepper-epoch')).toContainText(`batch ${batch} of 4`);
    await page.keyboard.press('End');
    const last = p === 2 || p === 5 || p === 8 || p === 9;
    await expect(panel.getByRole('heading', { name: last ? 'Update' : "Add to the batch's sum" })).toBeVisible();
    if (!last) await expect(panel.locator('.stepper-detail')).toContainText(`Batch ${batch} of 4`);
    else await expect(panel.locator('.stepper-detail')).toContainText(batch === 4 ? 'The sum over batch 4 of 4 (example ' : `The sum over batch ${batch} of 4 (examples `);
    ends.push(last ? 'update' : 'sum');
    if (p === 4) await page.screenshot({ path: 'test-results/stepper-minibatch-sum.png' });
    if (p === 9) {
      await page.screenshot({ path: 'test-results/stepper-minibatch-update.png' });
      for (const [id, w] of Object.entries(trained)) {
        expect(await valueOf(page, `tr[data-edge-id="${id}"] [data-quantity="next"]`), `next weight of ${id}`).toBe(w);
      }
    }
    await page.keyboard.press('n');
  }
  expect(ends).toEqual(['sum', 'sum', 'update', 'sum', 'sum', 'update', 'sum', 'sum', 'update', 'update']);
  // the epoch is over: the next one begins (epoch 4), and the document holds the trained weights
  await expect(panel.locator('.stepper-epoch')).toContainText('Epoch 4 (3 finished), batch 1 of 4');
  await page.keyboard.press('End');
  await expect(panel.getByRole('heading', { name: "Add to the batch's sum" })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Step batch in the toolbar goes on from the step-through’s place, and the step-through from its', async ({ page }) => {
  const text = minibatchFile();
  const trained = oneEpoch(text);
  const errors = await openFile(page, text);
  const panel = stepper(page);
  await panel.getByRole('button', { name: 'Step through this example' }).click();
  const go = panel.getByRole('button', { name: /training’s next/ });
  if ((await go.count()) > 0) await go.click();
  // batch 1 in the step-through
  for (let p = 0; p < 3; p++) {
    await page.keyboard.press('End');
    await page.keyboard.press('n');
  }
  await expect(panel.locator('.stepper-epoch')).toContainText('batch 2 of 4');
  // batch 2 by the toolbar's Step batch: the step-through now waits at batch 3
  await page.getByRole('button', { name: 'Step batch' }).click();
  await expect(panel.getByText(/Not training's next example at this point of the epoch/)).toBeVisible();
  await expect(panel.getByText(/, in batch 3 of 4\./)).toBeVisible();
  await panel.getByRole('button', { name: /training’s next/ }).click();
  await expect(panel.locator('.stepper-epoch')).toContainText('batch 3 of 4');
  // batches 3 and 4 in the step-through: the epoch is the command line's
  for (let p = 6; p < 10; p++) {
    await page.keyboard.press('End');
    if (p === 9) {
      await expect(panel.getByRole('heading', { name: 'Update' })).toBeVisible();
      for (const [id, w] of Object.entries(trained)) {
        expect(await valueOf(page, `tr[data-edge-id="${id}"] [data-quantity="next"]`), `next weight of ${id}`).toBe(w);
      }
    }
    await page.keyboard.press('n');
  }
  expect(errors).toEqual([]);
});
