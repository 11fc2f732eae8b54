import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dragConnect, openApp, settle } from './editor.helpers';

// The built-in course, each lesson opened from the Lessons menu and completed through the UI:
// every goal met by clicks and keys (Next opens only then), "Lesson completed" at the end.
// Screenshots of a step in progress and a met goal at 1280×720 and 1440×900.

const SHOTS = 'test-results/screenshots';
const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const goal = (page: Page) => page.getByTestId('lesson-goal');

async function openLesson(page: Page, n: number): Promise<void> {
  await page.locator('summary', { hasText: 'Lessons' }).click();
  await page.getByRole('group', { name: 'Lessons' }).getByRole('button', { name: new RegExp(`^${n}\\. `) }).click();
  await expect(lessonPanel(page)).toBeVisible();
  await expect(lessonPanel(page)).toContainText('Step 1 of');
  await settle(page);
}

async function met(page: Page, timeout = 60_000): Promise<void> {
  await expect(goal(page)).toHaveAttribute('data-met', 'true', { timeout });
}

async function next(page: Page): Promise<void> {
  await met(page);
  await lessonPanel(page).getByRole('button', { name: 'Next' }).click();
}

async function stepEpochs(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.getByRole('button', { name: 'Step epoch' }).click();
    await expect(page.getByTestId('readout-Epoch')).toHaveAttribute('data-value', new RegExp(`^\\d+$`));
  }
  await met(page);
}

/** Play at full speed until the shown goal is met, then Pause */
async function playUntilMet(page: Page): Promise<void> {
  const full = page.getByRole('button', { name: '▶▶ Full speed' });
  if ((await full.getAttribute('aria-pressed')) !== 'true') await full.click();
  await page.getByRole('button', { name: 'Play training' }).click();
  await met(page, 90_000);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
}

async function setWeight(page: Page, edgeId: string, value: string): Promise<void> {
  await page.locator(`.react-flow__edge[data-id="${edgeId}"]`).click({ force: true });
  const weight = page.getByRole('textbox', { name: 'Weight' });
  await weight.fill(value);
  await weight.press('Enter');
  await met(page);
}

async function completed(page: Page): Promise<void> {
  await met(page);
  await expect(lessonPanel(page).getByRole('status').filter({ hasText: 'Lesson completed' })).toBeVisible();
}

test.describe('the built-in course', () => {
  test.describe.configure({ timeout: 180_000 });

  test('1. the perceptron and its sum', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 1);
    await next(page);
    await expect(lessonPanel(page)).toContainText('Step 2 of 3');
    await expect(lessonPanel(page).getByRole('button', { name: 'Next' })).toBeDisabled();
    for (const [w, h] of [[1280, 720], [1440, 900]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.locator('.react-flow__controls-fitview').click();
      await settle(page);
      await page.screenshot({ path: `${SHOTS}/lesson-step-${w}x${h}.png` });
    }
    await setWeight(page, 'in_1->1', '0.5');
    for (const [w, h] of [[1280, 720], [1440, 900]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.locator('.react-flow__controls-fitview').click();
      await settle(page);
      await page.screenshot({ path: `${SHOTS}/lesson-goal-met-${w}x${h}.png` });
    }
    await next(page);
    await stepEpochs(page, 1);
    await completed(page);
  });

  test('2. sigmoid and its derivative', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 2);
    // the values are hidden until revealed
    await expect(page.locator('.app')).toHaveAttribute('data-lesson-hide', /values/);
    await lessonPanel(page).getByRole('button', { name: 'Reveal values' }).click();
    await expect(page.locator('.app')).not.toHaveAttribute('data-lesson-hide', /values/);
    await next(page);
    await stepEpochs(page, 3);
    await next(page);
    await setWeight(page, 'in_x->1', '0.5');
    await completed(page);
  });

  test('3. one perceptron on separable points', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 3);
    await next(page);
    await playUntilMet(page);
    await completed(page);
  });

  test('4. why one perceptron fails on XOR', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 4);
    await playUntilMet(page);
    await next(page);
    await next(page);
    for (const h of ['h1', 'h2', 'h3']) await dragConnect(page, h, 'out');
    await expect(page.locator('.react-flow__edge[data-id$="->out"]')).toHaveCount(6);
    await playUntilMet(page);
    await completed(page);
  });

  test('5. the 2-5-1 network', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 5);
    await next(page);
    await stepEpochs(page, 5);
    await next(page);
    await playUntilMet(page);
    await completed(page);
  });

  test('6. the chain rule on a skip connection', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 6);
    await next(page);
    await lessonPanel(page).getByRole('button', { name: 'Reveal values' }).click();
    await setWeight(page, 'a->out', '-0.5');
    await next(page);
    await playUntilMet(page);
    await completed(page);
  });

  test('7. sequential against batch', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 7);
    await stepEpochs(page, 10);
    await next(page);
    await page.getByRole('combobox', { name: 'Mode' }).selectOption('batch');
    await stepEpochs(page, 10);
    await next(page);
    await playUntilMet(page);
    await completed(page);
  });

  test('8. a learning rate too large', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 8);
    // η is locked in the first step: a change is refused, saying why
    const eta = page.getByRole('textbox', { name: 'Learning rate η' });
    await eta.fill('0.5');
    await eta.press('Enter');
    await expect(page.getByText('This lesson keeps the training settings fixed')).toBeVisible();
    await expect(eta).toHaveValue('30');
    await stepEpochs(page, 10);
    await next(page);
    await page.getByRole('button', { name: 'Reset weights' }).click();
    await eta.fill('0.5');
    await eta.press('Enter');
    await expect(eta).toHaveValue('0.5');
    await playUntilMet(page);
    await completed(page);
  });

  test('9. test data and overfitting', async ({ page }) => {
    await openApp(page);
    await openLesson(page, 9);
    // the lesson's data has test examples: they are measured apart and never trained on
    await expect(page.getByTestId('readout-test-E')).toBeVisible();
    await playUntilMet(page);
    await next(page);
    await playUntilMet(page);
    await next(page);
    await playUntilMet(page);
    await completed(page);
  });
});

test('a lesson written in the editor, saved, and reopened as a student: its lock holds and its goal is checked', async ({ page }) => {
  await openApp(page);
  await page.locator('summary', { hasText: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Edit this document’s lesson…' }).click();
  const editor = page.getByRole('region', { name: 'Lesson editor' });
  await editor.getByRole('button', { name: 'Write a lesson' }).click();
  const title = editor.getByRole('textbox', { name: 'Lesson title' });
  await title.fill('Keep the shape');
  await title.press('Enter');
  const text = editor.getByRole('textbox', { name: /Step text/ });
  await text.fill('The network stays as it is: press **Step epoch** twice. $s = \\sum_j z_j w_{j \\to k}$');
  await text.blur();
  await editor.getByRole('checkbox', { name: 'Topology' }).check();
  await editor.getByRole('combobox', { name: 'Goal' }).selectOption('epoch');
  const atLeast = editor.getByRole('textbox', { name: 'At least' });
  await atLeast.fill('2');
  await atLeast.press('Enter');
  await expect(editor).toContainText('Press Step until the epoch is at least 2');
  for (const [w, h] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: h });
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/lesson-editor-${w}x${h}.png` });
  }

  // a preview shows it as a student sees it, and comes back to the editor
  await editor.getByRole('button', { name: 'Preview as student' }).click();
  await expect(lessonPanel(page)).toContainText('Keep the shape');
  await expect(lessonPanel(page).locator('.katex').first()).toBeVisible();
  await lessonPanel(page).getByRole('button', { name: 'Back to editor' }).click();
  await expect(editor).toBeVisible();

  // saved with the document (the web page downloads it)
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const download = await pending;
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.version).toBe(3);
  expect(saved.lesson).toMatchObject({ title: 'Keep the shape', steps: [{ locks: ['topology'], goal: { kind: 'epoch', atLeast: 2 } }] });

  // reopened: the lesson starts for a student, the topology lock refuses an edit, saying why
  await page.getByLabel('Open graph file').setInputFiles(await download.path());
  await expect(lessonPanel(page)).toContainText('Keep the shape');
  await expect(editor).toHaveCount(0);
  const neurons = await page.locator('.react-flow__node').count();
  await page.getByRole('button', { name: 'Add sigmoid neuron' }).click();
  await expect(page.getByText('This lesson keeps the topology fixed')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(neurons);
  await stepEpochs(page, 2);
  await completed(page);
});

test('presenting a lesson keeps its text beside the network and the plot', async ({ page }) => {
  await openApp(page);
  await openLesson(page, 5);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(lessonPanel(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network graph' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('.react-flow__controls-fitview').click().catch(() => {});
  await settle(page);
  await page.screenshot({ path: `${SHOTS}/lesson-presenting-1280x720.png` });
});

test('a step that hides Play, Step and the details and locks the topology makes their keys inert too', async ({ page }) => {
  await openApp(page);
  const doc = JSON.parse(readFileSync('examples/tutorial-perceptron.bpgraph.json', 'utf8'));
  doc.version = 3;
  doc.lesson = {
    title: 'Hands off',
    steps: [
      { text: 'Watch.', hide: ['play', 'step', 'details'], locks: ['topology'], goal: { kind: 'read' } },
      { text: 'Now play.', goal: { kind: 'epoch', atLeast: 1 } },
    ],
  };
  await page.getByLabel('Open graph file').setInputFiles({ name: 'hands-off.bpgraph.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(lessonPanel(page)).toContainText('Hands off');
  await expect(page.locator('.app')).toHaveAttribute('data-lesson-hide', 'play step details');
  const epoch = page.getByTestId('readout-Epoch');
  await expect(epoch).toHaveAttribute('data-value', '0');
  const nodes = await page.locator('.react-flow__node').count();

  // Space (Play) and Delete on a selected neuron: nothing happens, not even the lock's refusal
  const play = page.locator('[data-control="play"]');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Space');
  await page.waitForTimeout(800);
  await expect(play).toHaveAttribute('aria-label', 'Play training');
  await expect(epoch).toHaveAttribute('data-value', '0');
  await page.locator('.react-flow__node[data-id="1"]').click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('o');
  await page.waitForTimeout(400);
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes);
  await expect(page.getByText('This lesson keeps the topology fixed')).toHaveCount(0);

  // the next step hides nothing: Space plays again
  await next(page);
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Space');
  await met(page);
  await page.keyboard.press('Space');
  await completed(page);
});
