import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { canvas, dragConnect, edges, flowNode, openApp, readAnnotations, settle, toScreen } from './editor.helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('every annotation on the tutorial 2-5-1 equals the command line trace of the same example', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(flowNode(page, '6')).toBeVisible();
  await expect(flowNode(page, '6').locator('[data-quantity="dhds"]')).toHaveCount(1);

  const cli = execFileSync('npm', ['run', '--silent', 'cli', '--', 'trace', 'examples/tutorial-2-5-1.bpgraph.json', '--example', '0', '--json'], {
    encoding: 'utf8',
  });
  const trace = JSON.parse(cli) as {
    nodes: Record<string, { s?: number; z: number; dhds?: Record<string, number> }>;
  };
  const shown = await readAnnotations(page);
  expect(Object.keys(shown).sort()).toEqual(Object.keys(trace.nodes).sort());
  let compared = 0;
  for (const [id, t] of Object.entries(trace.nodes)) {
    expect(Number(shown[id].z), `z of ${id}`).toBe(t.z);
    compared++;
    if (t.s === undefined) continue;
    expect(Number(shown[id].s), `s of ${id}`).toBe(t.s);
    expect(Number(shown[id].dhds), `dh/ds of ${id}`).toBe(t.dhds!['6']);
    compared += 2;
  }
  expect(compared).toBe(3 + 6 * 3);
  expect(errors).toEqual([]);
});

test('build the tutorial 2-5-1 from an empty canvas with the mouse and keyboard', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('button', { name: 'Empty canvas' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await settle(page);
  await expect(edges(page)).toHaveCount(0);
  // room to draw: zoom out with the keyboard
  // (each step's 150 ms animation ends before the next press, so the zoom does not depend on timing)
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press(`${mod}+-`);
    await settle(page);
  }

  // five hidden neurons by double-clicking the canvas, one under the other (the inputs sit at x = 0)
  for (let i = 0; i < 5; i++) {
    const at = await toScreen(page, 250, -40 + i * 110);
    await page.mouse.dblclick(at.x, at.y);
    await expect(flowNode(page, String(i + 1))).toBeVisible();
  }
  // the output neuron from the context menu at the cursor
  const out = await toScreen(page, 440, 180);
  await page.mouse.click(out.x, out.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Add sigmoid neuron' }).click();
  await expect(flowNode(page, '6')).toBeVisible();
  // the bias went into every new neuron by itself
  await expect(edges(page)).toHaveCount(6);

  for (let k = 1; k <= 5; k++) {
    await dragConnect(page, 'in_x', String(k));
    await dragConnect(page, 'in_y', String(k));
    await dragConnect(page, String(k), '6', { toBody: k % 2 === 0 });
  }
  await expect(edges(page)).toHaveCount(21);

  await flowNode(page, '6').click();
  await page.getByRole('checkbox', { name: 'Output neuron' }).check();
  await expect(flowNode(page, '6').getByText('h0')).toBeVisible();

  // every neuron shows s, z and dh/ds for the example in hand (the tutorial perceptron's points stayed)
  for (let k = 1; k <= 6; k++) {
    for (const q of ['s', 'z', 'dhds']) {
      await expect(flowNode(page, String(k)).locator(`[data-quantity="${q}"]`)).toHaveAttribute('data-value', /^-?\d/);
    }
  }
  expect(errors).toEqual([]);
});

test('closing a cycle is refused with its reason next to the cursor', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  await expect(edges(page)).toHaveCount(21);
  await settle(page);
  const drop = await dragConnect(page, '6', '1');
  const notice = page.getByText(/would close a cycle/);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('6 → 1 → 6'); // the reason names the cycle
  const box = await notice.boundingBox();
  expect(Math.abs(box!.x - drop.x)).toBeLessThan(60);
  expect(Math.abs(box!.y - drop.y)).toBeLessThan(60);
  await expect(edges(page)).toHaveCount(21);

  // a self-loop and an edge into an input are refused too
  await dragConnect(page, '3', '3', { toBody: true });
  await expect(page.getByText('a node cannot connect to itself')).toBeVisible();
  await expect(edges(page)).toHaveCount(21);
});

test('undo and redo walk back and forth through edits', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Empty canvas' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await settle(page);

  await page.getByRole('button', { name: 'Add tanh neuron' }).click();
  await expect(flowNode(page, '1')).toBeVisible();
  await expect(edges(page)).toHaveCount(1);
  await dragConnect(page, 'in_x', '1');
  await expect(edges(page)).toHaveCount(2);

  // exact weight typed into the inspector
  await page.locator('.react-flow__edge').nth(1).click({ force: true });
  const weight = page.getByRole('textbox', { name: 'Weight' });
  await weight.fill('0.125');
  await weight.press('Enter');
  await canvas(page).click({ position: { x: 20, y: 20 } });

  await page.keyboard.press(`${mod}+z`); // the weight
  await page.keyboard.press(`${mod}+z`); // the edge
  await expect(edges(page)).toHaveCount(1);
  await page.keyboard.press(`${mod}+z`); // the neuron
  await expect(flowNode(page, '1')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(0);

  await page.keyboard.press(`${mod}+Shift+z`);
  await page.keyboard.press(`${mod}+y`);
  await expect(edges(page)).toHaveCount(2);
  await page.keyboard.press(`${mod}+Shift+z`);
  await page.locator('.react-flow__edge').nth(1).click({ force: true });
  await expect(page.getByRole('textbox', { name: 'Weight' })).toHaveValue('0.125');

  // delete with the keyboard, then undo brings the node and its edges back
  await flowNode(page, '1').click();
  await page.keyboard.press('Delete');
  await expect(flowNode(page, '1')).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(flowNode(page, '1')).toBeVisible();
  await expect(edges(page)).toHaveCount(2);
});
