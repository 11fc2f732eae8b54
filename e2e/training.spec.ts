import { expect, test, type Page } from '@playwright/test';

// Training in the worker: it learns the circle, pauses into one undo step, stops itself on
// divergence with the last good weights, and Reset is reproducible.

const readout = (page: Page, name: string) => page.getByTestId(`readout-${name}`);
const value = async (page: Page, name: string) => Number(await readout(page, name).getAttribute('data-value'));

async function circleOn(page: Page, layers: string) {
  await page.goto('/');
  await page.getByLabel('Layer sizes').fill(layers);
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await page.getByLabel('Data set').selectOption('circle');
  await page.getByLabel('Count').fill('100');
  await page.getByRole('button', { name: 'Generate points' }).click();
  await expect(page.getByTestId('point-count')).toHaveText('100 points: 50 red, 50 blue');
}

async function setEta(page: Page, eta: string) {
  const field = page.getByLabel('Learning rate η');
  await field.fill(eta);
  await field.press('Enter');
}

test('trains the circle to at least 95 % accuracy; pausing leaves one undo step', async ({ page }) => {
  await circleOn(page, '2-8-1');
  await page.getByLabel('Mode').selectOption('sequential');
  await page.getByLabel('Shuffle each epoch').check();
  await setEta(page, '1');
  await expect(readout(page, 'Epoch')).toHaveText('0');
  const startError = await value(page, 'E');

  await page.getByRole('button', { name: 'Play training' }).click();
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  await expect.poll(() => value(page, 'Accuracy'), { timeout: 45_000, intervals: [250] }).toBeGreaterThanOrEqual(0.95);
  await expect(readout(page, 'Updates/s')).not.toHaveText('—');
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();

  const epochs = await value(page, 'Epoch');
  expect(epochs).toBeGreaterThan(0);
  expect(await value(page, 'E')).toBeLessThan(startError);
  const chart = page.getByRole('img', { name: /E and accuracy over \d+ recorded epochs/ });
  await chart.hover({ position: { x: 60, y: 60 } });
  await expect(page.getByTestId('loss-hover')).toHaveText(/^\s*epoch \d+: E = \d+(\.\d+)?(e-\d+)?, accuracy = [\d.]+ %$/);

  // the whole run is one undo entry: one undo brings back the untrained weights at epoch 0
  await page.locator('body').press('Control+z');
  await expect(readout(page, 'Epoch')).toHaveText('0');
  await expect.poll(() => value(page, 'E')).toBe(startError);
});

test('η = 10 on a deep linear net pauses with the divergence message and finite weights', async ({ page }) => {
  await circleOn(page, '2-6-6-6-1');
  await page.locator('.react-flow__pane').click();
  await page.locator('body').press('Control+a');
  await page.getByLabel('Activation', { exact: true }).selectOption('linear');
  await setEta(page, '10');
  await page.getByRole('button', { name: 'Play training' }).click();
  const message = page.getByText(/Training diverged at epoch \d+( \(\+\d+\))?, on example \d+ .*try a smaller learning rate η than 10/);
  await expect(message).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  // the message and the Epoch readout speak of the same weights: "at epoch 3 (+6)" beside "3 (+6)"
  // (those just before the failing update), or, where E had blown up before it, "those of epoch
  // 0 (E = 25.55; …" beside "0" (the last good weights, restored)
  const epoch = (await page.getByTestId('readout-Epoch').textContent())!.trim();
  const text = (await message.textContent())!;
  const restored = /those of epoch (\d+(?: \(\+\d+\))?) \(E = ([^;]+);/.exec(text);
  if (restored) expect(restored[1]).toBe(epoch);
  else expect(text).toContain(`at epoch ${epoch},`);
  expect(Number.isFinite(await value(page, 'E'))).toBe(true);
  if (restored) expect(Math.abs(Number(restored[2]) / (await value(page, 'E')) - 1)).toBeLessThan(1e-3); // and their E
  // every weight the canvas shows is finite
  const weights = await page.locator('[data-quantity="w"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(weights.length).toBeGreaterThan(0);
  expect(weights.every((w) => Number.isFinite(w) && Math.abs(w) <= 1e6)).toBe(true);
});

test('step example, step epoch, and reset from the seed give the same weights again', async ({ page }) => {
  await circleOn(page, '2-3-1');
  await page.getByLabel('Mode').selectOption('sequential');
  const initial = await readout(page, 'E').getAttribute('data-value');
  await page.getByRole('button', { name: 'Step example' }).click();
  await expect(readout(page, 'Epoch')).toHaveText('0 (+1)');
  await page.getByRole('button', { name: 'Step epoch' }).click();
  await expect(readout(page, 'Epoch')).toHaveText('1');
  await page.getByRole('button', { name: 'Reset weights' }).click();
  await expect(readout(page, 'Epoch')).toHaveText('0');
  const afterReset = await readout(page, 'E').getAttribute('data-value');
  await page.getByRole('button', { name: 'Step epoch' }).click();
  await expect(readout(page, 'Epoch')).toHaveText('1');
  await page.getByRole('button', { name: 'Reset weights' }).click();
  await expect(readout(page, 'Epoch')).toHaveText('0');
  await expect(readout(page, 'E')).toHaveAttribute('data-value', afterReset!);
  expect(initial).not.toBe('');
});

test('editing the data while training carries on training the new document', async ({ page }) => {
  await circleOn(page, '2-4-1');
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect.poll(() => value(page, 'Epoch')).toBeGreaterThan(5);
  await page.getByTestId('data-plot').click({ position: { x: 10, y: 10 } });
  await expect(page.getByTestId('point-count')).toHaveText('101 points: 51 red, 50 blue');
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  const epoch = await value(page, 'Epoch');
  await expect.poll(() => value(page, 'Epoch')).toBeGreaterThan(epoch + 5);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByTestId('point-count')).toHaveText('101 points: 51 red, 50 blue');
});

test('a network the engine refuses is explained when Play is pressed, not on every edit', async ({ page }) => {
  await circleOn(page, '2-3-1');
  // a second output while every example has one target: the data no longer fits the network
  await page.locator('.react-flow__node').filter({ has: page.getByLabel('Output of 1', { exact: true }) }).click();
  await page.getByLabel('Output neuron').check();
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect(page.getByText(/This network cannot be trained yet: /)).toBeVisible();
  await expect(page.locator('.notice-error')).toHaveCount(0); // the edit itself raised no error
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
});

test('a chosen speed slows Play down to watch it: 10 epochs per second, then full speed again', async ({ page }) => {
  await circleOn(page, '2-4-1');
  await page.getByLabel('Speed').selectOption({ label: '10 epochs/s' });
  await page.getByRole('button', { name: 'Play training' }).click();
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Pause training' }).click();
  const slow = await value(page, 'Epoch');
  expect(slow).toBeGreaterThanOrEqual(5);
  expect(slow).toBeLessThanOrEqual(25);

  await page.getByLabel('Speed').selectOption({ label: 'Full speed' });
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect.poll(() => value(page, 'Epoch'), { timeout: 10_000 }).toBeGreaterThan(slow + 200);
  await page.getByRole('button', { name: 'Pause training' }).click();
});

test('a template clicked while training runs opens, after asking about the trained weights, paused at epoch 0', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.getByRole('button', { name: 'Play training' }).click();
  await expect.poll(() => value(page, 'Epoch')).toBeGreaterThan(5);
  // before the fix the click did nothing while training wrote its weights
  await page.getByRole('button', { name: 'Tutorial 2-5-1', exact: true }).click();
  const question = page.getByRole('dialog');
  await expect(question).toContainText('Save changes');
  await question.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  await page.waitForTimeout(500); // a run that went on would move the epoch and mark the title
  expect(await value(page, 'Epoch')).toBe(0);
  await expect(page).toHaveTitle(/^Two-layer neural network example/);
});
