import { expect, test, type Page } from '@playwright/test';
import { edges, flowNode, openApp, settle, toScreen } from './editor.helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function nodeBoxes(page: Page) {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id')!, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

test('the layered generator and automatic layout work with zero CSP violations, without overlaps', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const errors = await openApp(page);
  const layers = page.getByRole('textbox', { name: 'Layer sizes' });
  await layers.fill('2-0-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "'0'" })).toBeVisible();

  await layers.fill('2-4-3-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3 + 4 + 3 + 1);
  await expect(edges(page)).toHaveCount(3 * 4 + 5 * 3 + 4 * 1);
  await settle(page); // the view fits the new graph; drag only once it stands still

  // scramble: drag a hidden neuron onto another, then let the layout sort it out
  const a = await flowNode(page, '2').boundingBox();
  const b = await flowNode(page, '6').boundingBox();
  await page.mouse.move(a!.x + 20, a!.y + 8);
  await page.mouse.down();
  await page.mouse.move(b!.x + 25, b!.y + 10, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await settle(page);
  await expect
    .poll(async () => {
      const boxes = await nodeBoxes(page);
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const p = boxes[i];
          const q = boxes[j];
          if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) overlaps++;
        }
      return overlaps;
    })
    .toBe(0);
  const boxes = Object.fromEntries((await nodeBoxes(page)).map((n) => [n.id, n]));
  expect(boxes.in_x.x).toBeLessThan(boxes['1'].x);
  expect(boxes['1'].x).toBeLessThan(boxes['5'].x);
  expect(boxes['5'].x).toBeLessThan(boxes['8'].x);
  // the layout is one undoable edit
  await page.keyboard.press(`${mod}+z`);
  await settle(page);
  // …which brings back neuron 2 lying on top of neuron 6
  const back = Object.fromEntries((await nodeBoxes(page)).map((n) => [n.id, n]));
  const [p, q] = [back['2'], back['6']];
  expect(p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h).toBe(true);

  const csp = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(csp).toEqual([]);
  expect(errors).toEqual([]);
});

test('drag from the palette, shift-click several neurons and change their activation at once', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Empty canvas' }).click();
  await settle(page);
  const drop = await toScreen(page, 300, 60);
  const pane = page.locator('.react-flow__pane');
  const paneBox = (await pane.boundingBox())!;
  await page.getByRole('button', { name: 'Add relu neuron' }).dragTo(pane, {
    targetPosition: { x: drop.x - paneBox.x, y: drop.y - paneBox.y },
  });
  await expect(flowNode(page, '1')).toContainText('relu');
  const box = (await flowNode(page, '1').boundingBox())!;
  expect(Math.abs(box.x - drop.x)).toBeLessThan(40);
  expect(Math.abs(box.y - drop.y)).toBeLessThan(40);

  await page.getByRole('button', { name: 'Add linear neuron' }).click();
  await expect(flowNode(page, '2')).toContainText('lin');
  await flowNode(page, '1').click();
  await flowNode(page, '2').click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 neurons')).toBeVisible();
  await page.getByRole('combobox', { name: 'Activation' }).selectOption('tanh');
  await expect(flowNode(page, '1')).toContainText('tanh');
  await expect(flowNode(page, '2')).toContainText('tanh');

  // select all, copy, paste: two more neurons, still one bias and two inputs per copy
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await flowNode(page, '1').click();
  await flowNode(page, '2').click({ modifiers: ['Shift'] });
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
});

test('an edge shows its weight and gradient, and a typed weight moves the numbers downstream', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial perceptron' }).click();
  await settle(page);
  const z = flowNode(page, '1').locator('[data-quantity="z"]');
  const before = Number(await z.getAttribute('data-value'));
  const edge = page.locator('.react-flow__edge[data-id="in_x->1"]');
  await edge.click({ force: true });
  await expect(page.locator('.bp-edge-label [data-quantity="w"]')).toHaveAttribute('data-value', '-0.6983');
  await expect(page.locator('.bp-edge-label [data-quantity="grad"]')).toHaveAttribute('data-value', /^-?\d/);
  const weight = page.getByRole('textbox', { name: 'Weight' });
  await expect(weight).toHaveValue('-0.6983');
  await weight.fill('not a number');
  await weight.press('Enter');
  await expect(weight).toHaveAttribute('aria-invalid', 'true');
  await weight.fill('2.5');
  await weight.press('Enter');
  await expect(z).not.toHaveAttribute('data-value', String(before));
  // s = 1·w_bias + x·w_x + y·w_y for the first example (−0.855, 0.072)
  const s = -0.3523 * 1 + -0.855 * 2.5 + 0.072 * 0.3019;
  await expect(flowNode(page, '1').locator('[data-quantity="s"]')).toHaveAttribute('data-value', String(s));
});

test('a box drawn on the canvas selects what it touches; the node menu duplicates it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial perceptron' }).click();
  await settle(page);
  const from = await toScreen(page, -40, 80);
  const to = await toScreen(page, 60, 300);
  // a drag on the empty canvas pans; with Shift it draws the box
  await page.mouse.move(from.x, from.y);
  await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // the two inputs, with the edges leaving them
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('2 nodes and 2 edges selected');

  await flowNode(page, '1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(flowNode(page, '2')).toBeVisible();
  // the copy is a hidden neuron: no output badge
  await expect(flowNode(page, '2').getByText('h0')).toHaveCount(0);
});

test('the inspector connects the selected node to any neuron the rule allows', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Tutorial 2-5-1' }).click();
  // the template is laid out in the layout worker: its output node on screen means it is in place
  await expect(flowNode(page, '6')).toBeVisible();
  await settle(page);
  await flowNode(page, 'in_x').click();
  const connectTo = page.getByRole('combobox', { name: 'Connect to' });
  // in_x already feeds 1..5; only the output is left
  await expect(connectTo.locator('option')).toHaveText(['choose a neuron…', '6']);
  await connectTo.selectOption('6');
  await expect(edges(page)).toHaveCount(22);
  await flowNode(page, '6').click();
  await expect(page.getByRole('combobox', { name: 'Connect to' })).toHaveCount(0); // nothing downstream of the output is allowed
});
