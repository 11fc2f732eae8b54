import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exampleZeroReference, type Trace } from './cliReference';

// Predict every quantity of example 0 of the tutorial 2-5-1 through the keyboard alone, some
// right and some wrong (with their diagnoses), and see the tally; then fill in the "Work it by
// hand" table with the right values and see it complete. The right values come from the
// command line (`trace` for the pass, `train` on a copy holding example 0 for the update), as
// e2e/stepper.spec.ts reads them.

const FILE = 'examples/tutorial-2-5-1.bpgraph.json';
const SHOTS = 'test-results/screenshots';

let trace: Trace;
let trained: Record<string, number>;

test.beforeAll(() => {
  ({ trace, trained } = exampleZeroReference(FILE));
});

/** the right value of a quantity, by its key ("s:3", "dhds:3:0", "grad:in_1->3", "update:in_1->3"), from the command line */
function rightValue(key: string): number {
  const [kind, id] = key.split(':');
  if (kind === 'E') return trace.error;
  if (kind === 's') return trace.nodes[id].s!;
  if (kind === 'z') return trace.nodes[id].z;
  if (kind === 'dhds') return trace.nodes[id].dhds!['6'];
  if (kind === 'dEds') return trace.nodes[id].dEds!;
  if (kind === 'grad') return trace.edges[key.slice('grad:'.length)].grad;
  if (kind === 'update') return trained[key.slice('update:'.length)];
  throw new Error(`unknown quantity ${key}`);
}

const h = () => trace.nodes['6'].z;
const y = 0; // example 0's target
/** the slips this test makes on purpose, and the words their diagnosis must use */
const WRONG: Record<string, { answer: () => number; says: RegExp }> = {
  's:1': { answer: () => trace.nodes['1'].s! - trace.edges['in_1->1'].weight, says: /left out the bias term/ },
  'dEds:6': { answer: () => (h() - y) * trace.nodes['6'].dhds!['6'], says: /forgot the 2 of \(h − y\)·2/ },
  'dhds:3:0': { answer: () => trace.nodes['6'].dhds!['6'] * trace.edges['3->6'].weight * trace.nodes['3'].z, says: /σ\(s\) where σ′\(s\) belongs/ },
  'update:in_x->3': { answer: () => trace.edges['in_x->3'].weight + 0.5 * trace.edges['in_x->3'].grad, says: /against the gradient/ },
};
/** this one is revealed after its wrong answer instead of retried */
const REVEALED = 'E';
const E_HALVED = () => trace.error / 2;

async function openTutorial(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(page.locator('.react-flow__node [data-node-id="6"]')).toBeVisible();
  return errors;
}

/** the canvas's "→ new w" edge labels */
const newWeightLabels = (page: Page) => page.locator('.bp-edge-label span[title*="→"]');
const stepper = (page: Page) => page.getByRole('region', { name: 'Step through one example' });

test('predicting every quantity of example 0 by keyboard: right, wrong with a diagnosis, revealed; the tally counts them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openTutorial(page);
  await page.locator('body').focus();
  await page.keyboard.press('n'); // start stepping: the step-through's tab shows
  await page.keyboard.press('p'); // Predict on
  const panel = stepper(page);
  await expect(panel.getByRole('checkbox', { name: /Predict/ })).toBeChecked();
  await page.keyboard.press('n'); // past the inputs, to the first forward step

  const card = panel.locator('.predict-card');
  const asked: string[] = [];
  let shotTaken = false;
  let updateLabelsBefore = -1;
  for (let guard = 0; guard < 200; guard++) {
    const phase = await panel.locator('.stepper-detail').getAttribute('data-phase');
    if (!(await card.isVisible())) {
      if (phase === 'update') break; // every quantity of the example answered
      await page.keyboard.press('n');
      continue;
    }
    const key = (await card.getAttribute('data-quantity-key'))!;
    if (asked.length > 0 && key.startsWith('update:') && !asked.at(-1)!.startsWith('update:')) updateLabelsBefore = await newWeightLabels(page).count();
    asked.push(key);
    const input = card.locator('.predict-input');
    await expect(input).toBeFocused();
    const slip = WRONG[key];
    if (slip || key === REVEALED) {
      await page.keyboard.type(String(slip ? slip.answer() : E_HALVED()));
      await page.keyboard.press('Enter');
      await expect(card.locator('.predict-diagnosis')).toHaveText(slip ? slip.says : /no ½/);
      expect(Number(await card.locator('.predict-compare [data-value]').getAttribute('data-value'))).toBe(rightValue(key));
      await expect(panel.getByRole('status')).toContainText('Not right');
      if (!shotTaken) {
        shotTaken = true;
        for (const [w, hgt] of [[1280, 720], [1440, 900]]) {
          await page.setViewportSize({ width: w, height: hgt });
          await page.screenshot({ path: `${SHOTS}/predict-wrong-${w}x${hgt}.png` });
        }
      }
      await page.keyboard.press(key === REVEALED ? 'v' : 'r');
      if (key === REVEALED) continue;
      await expect(input).toBeFocused();
    }
    await page.keyboard.type(rightValue(key).toPrecision(6));
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toContainText('Right');
  }

  // every quantity of the pass and the update, once each: 6 neurons × (s, z, ∂h/∂s, ∂E/∂s), E, 21 gradients, 21 new weights
  expect(asked).toHaveLength(6 * 4 + 1 + 21 + 21);
  expect(new Set(asked).size).toBe(asked.length);
  const tally = panel.getByRole('table', { name: 'Prediction tally' });
  const cell = (phase: string, what: string) => tally.locator(`tr[data-phase="${phase}"] [data-tally="${what}"]`);
  await expect(cell('forward', 'right')).toHaveText('12');
  await expect(cell('forward', 'wrong')).toHaveText('1');
  await expect(cell('error', 'wrong')).toHaveText('1');
  await expect(cell('error', 'revealed')).toHaveText('1');
  await expect(cell('error', 'right')).toHaveText('0');
  await expect(cell('backward', 'right')).toHaveText(String(6 * 2 + 21));
  await expect(cell('backward', 'wrong')).toHaveText('2');
  await expect(cell('update', 'right')).toHaveText('21');
  await expect(cell('update', 'wrong')).toHaveText('1');
  // the streak: in_x→3's new weight (right on retry) and every edge after it in file order
  const edges: { id: string }[] = JSON.parse(readFileSync(FILE, 'utf8')).edges;
  const after = edges.length - edges.findIndex((e) => e.id === 'in_x->3');
  await expect(panel.locator('[data-streak]')).toHaveText(String(after));
  // the new weights stayed off the canvas until answered; now they are on it
  expect(updateLabelsBefore).toBe(0);
  await expect(newWeightLabels(page).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the on-screen "Work it by hand" table, filled in with the right values, is complete', async ({ page }) => {
  const errors = await openTutorial(page);
  await page.getByRole('tab', { name: 'Work it by hand' }).click();
  const sheet = page.getByRole('region', { name: 'Work it by hand' });
  const rows = sheet.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBe(6 * 4 + 1 + 21 + 21);
  await expect(sheet.locator('.work-count')).toHaveText(`0 of ${count} right`);
  // one wrong first: marked with its diagnosis
  const first = sheet.locator('tr[data-quantity-key="s:1"] input');
  await first.fill(String(WRONG['s:1'].answer()));
  await first.press('Enter');
  await expect(sheet.locator('tr[data-quantity-key="s:1"] .work-why')).toHaveText(/left out the bias term/);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const key = (await row.getAttribute('data-quantity-key'))!;
    const input = row.locator('input');
    await input.fill(rightValue(key).toPrecision(6));
    await input.press('Enter');
    if (i === 3) {
      // a wrong one beside right ones, the count at the top
      const fifth = rows.nth(4).locator('input');
      await fifth.fill('0.5');
      await fifth.press('Enter');
      await sheet.locator('.work-count').scrollIntoViewIfNeeded();
      await sheet.evaluate((el) => el.closest('.details-panel')?.scrollTo(0, 0));
      for (const [w, hgt] of [[1280, 720], [1440, 900]]) {
        await page.setViewportSize({ width: w, height: hgt });
        await page.screenshot({ path: `${SHOTS}/worksheet-${w}x${hgt}.png` });
      }
    }
  }
  await expect(sheet.locator('.work-count')).toHaveText(`All ${count} right: example 1 worked by hand.`);
  expect(errors).toEqual([]);
});

const canvasValue = (page: Page, node: string, quantity: string) => page.locator(`.react-flow__node [data-node-id="${node}"] [data-quantity="${quantity}"]`);

test('while the table has blanks the canvas and the formulas hide them; right or revealed, they show; every control is named', async ({ page }) => {
  const errors = await openTutorial(page);
  await expect(canvasValue(page, '1', 's')).toHaveAttribute('data-value', String(rightValue('s:1')));
  await page.getByRole('tab', { name: 'Work it by hand' }).click();
  const sheet = page.getByRole('region', { name: 'Work it by hand' });
  // every value of the pass is a blank: none of them on the canvas
  await expect(page.locator('.react-flow__node .bp-neuron [data-quantity]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node [data-node-id="in_x"] [data-quantity="z"]')).toBeVisible(); // a given
  await expect(page.locator('.react-flow__node [data-node-id="1"] .ann-pending')).toHaveCount(3);
  // s_1 right: on the canvas; z_1 revealed: on the canvas; ∂h/∂s_1 still a blank
  const s1 = sheet.locator('tr[data-quantity-key="s:1"] input');
  await s1.fill(rightValue('s:1').toPrecision(6));
  await s1.press('Enter');
  await expect(canvasValue(page, '1', 's')).toHaveAttribute('data-value', String(rightValue('s:1')));
  await expect(canvasValue(page, '1', 'z')).toHaveCount(0);
  await sheet.getByRole('button', { name: 'Reveal z_1', exact: true }).click();
  await expect(canvasValue(page, '1', 'z')).toHaveAttribute('data-value', String(rightValue('z:1')));
  await expect(canvasValue(page, '1', 'dhds')).toHaveCount(0);
  await sheet.locator('.work-count').scrollIntoViewIfNeeded();
  await sheet.evaluate((el) => el.closest('.details-panel')?.scrollTo(0, 0));
  for (const [w, hgt] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.screenshot({ path: `${SHOTS}/worksheet-hidden-${w}x${hgt}.png` });
  }
  // the names a screen reader reads
  const tree = await sheet.ariaSnapshot();
  expect(tree).toContain('rowheader "s_1"');
  expect(tree).toContain('textbox "Your value of ∂h/∂s_1"');
  expect(tree).toContain('button "Reveal ∂h/∂s_1"');
  expect(tree).toContain('button "Reveal all"');
  expect(tree).toContain('radio "All"');
  expect(tree).toMatch(/status: "?Revealed: z_1 = [^\n]+ 1 of \d+ right\./);

  // the formulas of neuron 1 show s and z, not ∂h/∂s, ∂E/∂s, while the sheet is worked
  await page.locator('.react-flow__node [data-node-id="1"]').click();
  await page.getByRole('tab', { name: 'Formulas' }).click();
  const formulas = page.getByRole('group', { name: /Formulas for Neuron 1/ });
  await expect(formulas.locator('[data-formula="s"]')).toBeVisible();
  await expect(formulas.locator('[data-formula="z"]')).toBeVisible();
  await expect(formulas.locator('[data-formula="dhds"], [data-formula="dEds"]')).toHaveCount(0);

  // Reveal all: every value back on the canvas and in the formulas
  await page.getByRole('tab', { name: 'Work it by hand' }).click();
  await sheet.getByRole('button', { name: 'Reveal all' }).click();
  await expect(canvasValue(page, '1', 'dhds')).toHaveAttribute('data-value', String(rightValue('dhds:1:0')));
  await page.getByRole('tab', { name: 'Formulas' }).click();
  await expect(formulas.locator('[data-formula="dEds"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('presentation mode: the predict card docked on the canvas, in large type, worked by the keyboard', async ({ page }) => {
  const errors = await openTutorial(page);
  await page.locator('body').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('p');
  await page.keyboard.press('n'); // neuron 1's forward step
  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByRole('tablist', { name: 'Details' })).toBeHidden();
  const dock = page.getByRole('region', { name: 'Predict' });
  await expect(dock).toBeVisible();
  const input = dock.getByRole('textbox', { name: 'Your value of s_1' });
  await expect(input).toBeFocused();
  const askPx = parseFloat(await dock.locator('.predict-ask').evaluate((e) => getComputedStyle(e).fontSize));
  expect(askPx).toBeGreaterThanOrEqual(24);
  // the dock sits on the canvas, at its bottom
  const canvas = (await page.locator('.app-canvas').boundingBox())!;
  const box = (await dock.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
  expect(box.y).toBeGreaterThan(canvas.y + canvas.height / 3);

  // a wrong answer, its diagnosis, R; then right
  await page.keyboard.type(String(WRONG['s:1'].answer()));
  await page.keyboard.press('Enter');
  await expect(dock.locator('.predict-diagnosis')).toHaveText(WRONG['s:1'].says);
  await expect(dock.getByRole('status')).toContainText('Not right');
  // said once: one live region on the page carries the verdict
  await expect(page.locator('[aria-live], [role="status"], [role="alert"]').filter({ hasText: 'Not right' })).toHaveCount(1);
  for (const [w, hgt] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.screenshot({ path: `${SHOTS}/present-predict-wrong-${w}x${hgt}.png` });
  }
  const wrongTree = await dock.ariaSnapshot();
  expect(wrongTree).toContain('button "Retry s_1"');
  expect(wrongTree).toContain('button "Reveal s_1"');
  await page.keyboard.press('r');
  await expect(input).toBeFocused();
  await page.keyboard.type(rightValue('s:1').toPrecision(6));
  await page.keyboard.press('Enter');
  await expect(dock.getByRole('status')).toContainText('Right: s_1');
  await expect(canvasValue(page, '1', 's')).toHaveAttribute('data-value', String(rightValue('s:1')));
  const tree = await dock.ariaSnapshot();
  expect(tree).toContain('group "Predict z_1"');
  expect(tree).toContain('textbox "Your value of z_1"');
  expect(tree).toContain('button "Check z_1"');
  expect(tree).toContain('button "Reveal z_1"');
  expect(tree).toContain('table "Prediction tally"');
  await page.keyboard.type(rightValue('z:1').toPrecision(6));
  await page.keyboard.press('Enter');
  // the step all shown: Next step (in the dock) has the keyboard; Enter moves on to neuron 2
  await expect(dock.getByRole('button', { name: 'Next step' })).toBeFocused();
  await dock.locator('.predict-tally').scrollIntoViewIfNeeded();
  await expect(dock.locator('tr[data-phase="forward"] [data-tally="right"]')).toHaveText('2');
  await page.keyboard.press('Enter');
  await expect(dock.locator('.predict-card')).toHaveAttribute('data-quantity-key', /^s:/);
  for (const [w, hgt] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.screenshot({ path: `${SHOTS}/present-predict-${w}x${hgt}.png` });
  }
  // leaving presentation mode (Escape is the field's while typing): the card back in the step-through's tab
  await page.keyboard.press('Control+Shift+P');
  await expect(dock).toBeHidden();
  await expect(stepper(page).locator('.predict-card')).toBeVisible();
  expect(errors).toEqual([]);
});
