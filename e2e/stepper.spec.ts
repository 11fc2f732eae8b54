import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { selectEdge } from './editor.helpers';
import { cli, exampleZeroReference, type Trace } from './cliReference';

// Step example 0 of the tutorial 2-5-1 network through every phase and compare what the page
// shows with the command line: `trace` for every value, `train` for the update.

const FILE = 'examples/tutorial-2-5-1.bpgraph.json';
const NEURONS = ['1', '2', '3', '4', '5', '6'];

let trace: Trace;
let trained: Record<string, number>;

test.beforeAll(() => {
  ({ trace, trained } = exampleZeroReference(FILE));
});

const node = (page: Page, id: string) => page.locator(`.react-flow__node [data-node-id="${id}"]`);
const shown = (page: Page, id: string, q: 's' | 'z' | 'dhds') => node(page, id).locator(`[data-quantity="${q}"]`);
const stepper = (page: Page) => page.getByRole('region', { name: 'Step through one example' });

async function valueOf(l: Locator): Promise<number> {
  return Number(await l.getAttribute('data-value'));
}

async function openTutorial(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(node(page, '6')).toBeVisible();
  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(stepper(page).getByText('Example 1 of 60')).toBeVisible();
  return errors;
}

test('stepping example 0 shows the command line’s values and applies its update', async ({ page }) => {
  const errors = await openTutorial(page);
  const panel = stepper(page);
  await panel.getByRole('button', { name: 'Step through this example' }).click();

  // start: nothing computed yet
  await expect(panel.getByRole('list', { name: 'Phases' }).getByText('Forward')).toHaveAttribute('aria-current', 'step');
  for (const id of NEURONS) await expect(shown(page, id, 's')).toHaveCount(0);

  // forward, one neuron per key press, in topological order
  for (const id of NEURONS) {
    await page.keyboard.press('n');
    await expect(node(page, id)).toHaveClass(/bp-current/);
    expect(await valueOf(shown(page, id, 's'))).toBe(trace.nodes[id].s);
    expect(await valueOf(shown(page, id, 'z'))).toBe(trace.nodes[id].z);
    await expect(shown(page, id, 'dhds')).toHaveCount(0);
    const later = NEURONS.slice(NEURONS.indexOf(id) + 1);
    for (const l of later) await expect(shown(page, l, 'z')).toHaveCount(0);
    expect(await valueOf(panel.locator('[data-formula="s"]'))).toBe(trace.nodes[id].s);
  }

  // error: h, y, E_i
  await page.keyboard.press('n');
  await expect(panel.getByRole('heading', { name: 'Error' })).toBeVisible();
  expect(await valueOf(panel.locator('[data-formula="E"]'))).toBe(trace.error);
  await panel.screenshot({ path: 'test-results/stepper-error.png' });

  // backward, in reverse order: ∂h/∂s appears
  for (const id of [...NEURONS].reverse()) {
    await page.keyboard.press('ArrowRight');
    await expect(node(page, id)).toHaveClass(/bp-current/);
    expect(await valueOf(shown(page, id, 'dhds'))).toBe(trace.nodes[id].dhds!['6']);
    expect(await valueOf(panel.locator('[data-formula="dhds"]'))).toBe(trace.nodes[id].dhds!['6']);
  }
  await page.screenshot({ path: 'test-results/stepper-backward.png' });

  // Back one step and forward again
  await page.keyboard.press('b');
  await expect(node(page, '2')).toHaveClass(/bp-current/);
  await expect(shown(page, '1', 'dhds')).toHaveCount(0);
  await page.keyboard.press('n');

  // gradients on every edge
  await page.keyboard.press('n');
  await expect(panel.getByRole('heading', { name: 'Gradients' })).toBeVisible();
  for (const [id, e] of Object.entries(trace.edges)) {
    expect(await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="grad"]`))).toBe(e.grad);
  }

  // update: old and new weight per edge, exactly the command line's one training step
  await page.keyboard.press('n');
  await expect(panel.getByRole('heading', { name: 'Update' })).toBeVisible();
  await panel.screenshot({ path: 'test-results/stepper-update.png' });
  for (const [id, w] of Object.entries(trained)) {
    const row = panel.locator(`tr[data-edge-id="${id}"]`);
    expect(await valueOf(row.locator('[data-quantity="old"]'))).toBe(trace.edges[id].weight);
    expect(await valueOf(row.locator('[data-quantity="next"]'))).toBe(w);
  }

  // apply: the document's weights are now the trained ones, and example 2 is in hand
  await panel.getByRole('button', { name: 'Apply update and go to the next example' }).click();
  await expect(panel.getByText('Example 2 of 60')).toBeVisible();
  await page.keyboard.press('End');
  for (const [id, w] of Object.entries(trained)) {
    expect(await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="old"]`))).toBe(w);
  }

  // Back across the update undoes it
  await expect(panel.getByRole('button', { name: 'Run to end of example' })).toBeDisabled();
  for (let i = 0; i < 16; i++) await page.keyboard.press('b');
  await expect(panel.getByText('Example 1 of 60')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Update' })).toBeVisible();
  for (const [id, e] of Object.entries(trace.edges)) {
    expect(await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="old"]`))).toBe(e.weight);
  }

  await panel.getByRole('button', { name: 'Stop stepping' }).click();
  for (const id of NEURONS) await expect(shown(page, id, 'dhds')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('batch mode sums gradients over the epoch and updates once, as the command line trains', async ({ page }) => {
  const file = 'examples/tutorial-perceptron.bpgraph.json';
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  expect(doc.training.mode).toBe('batch');
  const n = doc.dataset.examples.length;
  const epoch = (cli('train', file, '--epochs', '1', '--json') as { weights: Record<string, number> }).weights;

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Tutorial perceptron' }).click();
  await page.getByRole('tab', { name: 'Step through' }).click();
  const panel = stepper(page);
  await expect(panel.getByText(`Example 1 of ${n}`)).toBeVisible();
  await page.keyboard.press('n');
  for (let i = 0; i < n - 1; i++) {
    await page.keyboard.press('End');
    await expect(panel.getByText(`${i + 1} of ${n} examples summed`)).toBeVisible();
    await page.keyboard.press('n');
  }
  await page.keyboard.press('End');
  await expect(panel.getByRole('heading', { name: 'Update' })).toBeVisible();
  for (const [id, w] of Object.entries(epoch)) {
    const next = await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="next"]`));
    // exact: the engine's own fdlibm exp (src/engine/elementary) gives Chromium and Node the same bits
    expect(next, `next weight of ${id}`).toBe(w);
  }
  const applied: Record<string, number> = {};
  for (const id of Object.keys(epoch)) {
    applied[id] = await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="next"]`));
  }
  await panel.getByRole('button', { name: 'Apply update and go to the next example' }).click();

  // a new epoch begins at example 1 with the updated weights and an empty sum
  await expect(panel.getByText(`Example 1 of ${n}`)).toBeVisible();
  await page.keyboard.press('End');
  await expect(panel.getByText(`1 of ${n} examples summed`)).toBeVisible();
  for (const id of Object.keys(epoch)) {
    const row = panel.locator(`tr[data-edge-id="${id}"]`);
    expect(await valueOf(row.locator('[data-quantity="sum"]'))).toBe(await valueOf(row.locator('[data-quantity="grad"]')));
  }
  // Back to the example's start, then across the epoch's update: it is undone and offered again
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await expect(panel.getByText(`Example ${n} of ${n}`)).toBeVisible();
  for (const [id, w] of Object.entries(applied)) {
    expect(await valueOf(panel.locator(`tr[data-edge-id="${id}"] [data-quantity="next"]`))).toBe(w);
  }
  expect(errors).toEqual([]);
});

test('the formula inspector derives ∂E/∂w for a selected edge and the gradient check agrees', async ({ page }) => {
  const errors = await openTutorial(page);
  await node(page, '3').click();
  await page.getByRole('tab', { name: 'Formulas' }).click();
  const formulas = page.getByRole('region', { name: 'Formulas' });
  expect(await valueOf(formulas.locator('[data-formula="s"]'))).toBe(trace.nodes['3'].s);
  expect(await valueOf(formulas.locator('[data-formula="dhds"]'))).toBe(trace.nodes['3'].dhds!['6']);
  await expect(formulas.locator('.katex').first()).toBeVisible();
  await formulas.screenshot({ path: 'test-results/formula-neuron.png' });

  // an edge: ∂E/∂w_{3→6} = ∂E/∂s_6 · z_3, ending in the engine's number
  await selectEdge(page, '3->6');
  await expect(formulas.getByText('∂E/∂w for 3 → 6, example 1')).toBeVisible();
  expect(await valueOf(formulas.locator('[data-formula="grad"]'))).toBe(trace.edges['3->6'].grad);
  expect(await valueOf(formulas.locator('[data-formula="dEds"]'))).toBe(trace.nodes['6'].dEds);
  await formulas.screenshot({ path: 'test-results/formula-edge.png' });

  await formulas.getByRole('button', { name: 'Check gradients on this example' }).click();
  const result = formulas.getByTestId('gradcheck-result');
  await expect(result).toContainText('agrees');
  expect(await valueOf(result.locator('[data-quantity="gradcheck"]'))).toBeLessThan(1e-7);

  // KaTeX's fonts load under the page's CSP
  await expect
    .poll(() =>
      page.evaluate(() => {
        const fonts = (globalThis as unknown as { document: { fonts: Iterable<{ family: string; status: string }> } })
          .document.fonts;
        return [...fonts].some((f) => f.family === 'KaTeX_Main' && f.status === 'loaded');
      }),
    )
    .toBe(true);
  expect(errors).toEqual([]);
});
