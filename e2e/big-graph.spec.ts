import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { flowNode, openApp, settle } from './editor.helpers';

// A big graph (over 600 edges) paints its edges on one canvas under the nodes, and React Flow
// renders only the edges drawn highlighted (hovered, selected, off, stepped): the pointer finds
// the others on the canvas. What a person sees and does must not change.

interface Probe {
  id: string;
  x: number;
  y: number;
  /** the edge canvas's pixel under that point of the edge's curve (the most opaque of the 3×3 there): r, g, b, a */
  pixel: number[];
}

interface Hovered extends Probe {
  /** the edge the pointer finds at that point (drawn highlighted, with its label), if any */
  hit: string | null;
  /** whether that edge's weight is negative, as its label says */
  negative: boolean;
}

/**
 * a point of every edge into node `target` (a third of the way along, before the curves
 * converge), on screen, with the edge canvas's pixel there. The curve is React Flow's Bézier
 * between the source's and the target's handles, as the page draws it.
 */
async function probe(page: Page, target: string): Promise<Probe[]> {
  const points = await page.evaluate((target) => {
    const node = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
    const into = node(target)!.querySelector('.react-flow__handle.target')!.getBoundingClientRect();
    const bias = document.querySelector<HTMLElement>('.react-flow__node-bias')!.dataset.id!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    // the layered generator numbers neurons from 1: the second hidden layer of 2-25-25-1 is 26…50
    const sources = [bias, ...Array.from({ length: 25 }, (_, i) => String(26 + i))];
    // (zoomed in, a source off screen is not rendered: its edge is not probed)
    return sources.filter((source) => node(source)).map((source) => {
      const from = node(source)!.querySelector('.react-flow__handle.source')!.getBoundingClientRect();
      const [sx, sy, tx, ty] = [from.right, from.top + from.height / 2, into.left, into.top + into.height / 2];
      const t = 0.35;
      const u = 1 - t;
      // React Flow's control points: half the way across for a curve running forwards, 0.25·25·√d
      // (flow pixels) beyond its ends for one running backwards
      const d = (tx - sx) / zoom;
      const offset = zoom * (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
      const [c1, c2] = [sx + offset, tx - offset];
      const x = u * u * u * sx + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * tx;
      const y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
      return { id: `${source}->${target}`, x, y };
    });
  }, target);
  const pixels = await canvasPixels(page, points);
  return points.map((p, i) => ({ ...p, pixel: pixels[i]! }));
}

/**
 * the edge canvas's pixel at each point (page coordinates): the most opaque of the 3×3 there (a
 * zoomed-out view draws thin, faint curves), r, g, b, a. Read off the screen, not out of the
 * canvas — the edge worker paints it (its control went to an OffscreenCanvas there): every other
 * element hidden and the page's background left out (the root's, which hiding leaves), so a
 * pixel's alpha is the canvas's.
 */
async function canvasPixels(page: Page, points: { x: number; y: number }[]): Promise<number[][]> {
  const hide = await page.addStyleTag({ content: 'html, body { background: none !important; } * { visibility: hidden !important; } .bp-edge-canvas { visibility: visible !important; }' });
  const box = (await page.locator('.bp-edge-canvas').boundingBox())!;
  const shot = (await page.screenshot({ clip: box, omitBackground: true })).toString('base64');
  await hide.evaluate((style) => (style as HTMLStyleElement).remove());
  return page.evaluate(
    async ({ shot, box, points }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(shot), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ratio = bitmap.width / box.width;
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [bitmap.width, bitmap.height];
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, 0, 0);
      return points.map(({ x, y }) => {
        const around = ctx.getImageData(Math.round((x - box.x) * ratio) - 1, Math.round((y - box.y) * ratio) - 1, 3, 3).data;
        let best = 0;
        for (let i = 4; i < around.length; i += 4) if (around[i + 3]! > around[best + 3]!) best = i;
        return Array.from(around.subarray(best, best + 4));
      });
    },
    { shot, box, points },
  );
}

/** the pointer rested on each probe's point: which edge it finds there, and that edge's weight's sign */
async function hover(page: Page, probes: Probe[]): Promise<Hovered[]> {
  const out: Hovered[] = [];
  for (const p of probes) {
    await page.mouse.move(p.x, p.y);
    // the pointer is tested once a frame, and the edge it finds renders in the next
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const edge = page.locator('.react-flow__edge');
    const found = await edge
      .first()
      .waitFor({ timeout: 1000 })
      .then(() => true)
      .catch(() => false);
    const hit = found ? await edge.first().getAttribute('data-id') : null;
    const w = found ? Number(await page.locator('.bp-edge-label [data-quantity="w"]').first().getAttribute('data-value')) : 0;
    out.push({ ...p, hit, negative: w < 0 });
  }
  await page.mouse.move(5, 5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  return out;
}

/** orange (negative) or blue (positive), as the pixel's dominant channel says */
const paintedNegative = (p: number[]) => p[0] > p[2];

async function bigGraph(page: Page) {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Layer sizes' }).fill('2-25-25-1');
  await page.getByRole('button', { name: 'Generate layered' }).click();
  await expect(page.locator('.graph-canvas.large')).toBeVisible();
  await settle(page);
}

test('a big graph paints its edges on one canvas, where their curves are, in their colours', async ({ page }) => {
  await bigGraph(page);
  // React Flow renders no edge until one is highlighted: all 2·25 + 25·25 + 25 + 51 are on the canvas
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.locator('.bp-edge-canvas')).toHaveAttribute('data-edges', String(2 * 25 + 25 * 25 + 25 + 51));

  const output = '51';
  await expect(flowNode(page, output)).toBeVisible();
  const into = await probe(page, output);
  expect(into.length).toBe(26); // 25 hidden neurons and the bias
  for (const p of into) expect(p.pixel[3], `the canvas is painted on the curve of edge ${p.id}`).toBeGreaterThan(0);

  // closer up the curves are thick: their colours follow their weights' signs
  const near = (await flowNode(page, output).boundingBox())!;
  await page.mouse.move(near.x, near.y + near.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  // the canvas shares the window with the legend and the details tabs: a little closer again
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.mouse.move(5, 5);
  await settle(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const shown = (await probe(page, output)).filter((p) => p.x > pane.x && p.x < pane.x + pane.width && p.y > pane.y && p.y < pane.y + pane.height);
  expect(shown.length).toBeGreaterThan(10);
  for (const p of shown) expect(p.pixel[3], `edge ${p.id} is painted clearly close up`).toBeGreaterThan(50);
  // the canvas paints bucket by bucket (colour and width), so where another curve crosses or runs
  // alongside (the pointer finds that edge there) the pixel may be its colour: judge the points
  // where the edge itself is uppermost
  const own = (await hover(page, shown)).filter((p) => p.hit === p.id);
  expect(own.length).toBeGreaterThan(5);
  const agree = own.filter((p) => paintedNegative(p.pixel) === p.negative).length;
  expect(agree).toBeGreaterThanOrEqual(own.length - 1);

  // and nothing is painted where no edge runs: the canvas's top-left corner, outside the fitted graph
  const box = (await page.locator('.bp-edge-canvas').boundingBox())!;
  const [corner] = await canvasPixels(page, [{ x: box.x + 3, y: box.y + 3 }]);
  expect(corner![3]).toBe(0);
});

test("a big graph's edges take the pointer: hover shows the weight, a click selects and highlights, a right-click opens the edge's menu", async ({ page }) => {
  await bigGraph(page);
  const all = 2 * 25 + 25 * 25 + 25 + 51;
  const into = (await hover(page, await probe(page, '51'))).filter((p) => p.hit === p.id);
  expect(into.length).toBeGreaterThan(5); // the pointer finds the edges on the canvas

  const hovered = into[0];
  await page.mouse.move(hovered.x, hovered.y);
  await expect(page.locator('.bp-edge-label [data-quantity="w"]')).toHaveCount(1);
  // the hovered edge draws itself highlighted, and leaves the canvas
  await expect(page.locator(`.react-flow__edge[data-id="${hovered.id}"] path.react-flow__edge-path`)).toBeVisible();
  await expect(page.locator('.bp-edge-canvas')).toHaveAttribute('data-edges', String(all - 1));
  await page.mouse.move(5, 5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // a click straight onto the canvas's curve (no resting first) selects that edge
  const clicked = into[into.length - 1];
  await page.mouse.click(clicked.x, clicked.y);
  const edge = page.locator(`.react-flow__edge[data-id="${clicked.id}"]`);
  await expect(edge).toHaveClass(/selected/);
  await page.mouse.move(5, 5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.bp-edge-canvas')).toHaveAttribute('data-edges', String(all - 1));

  await page.keyboard.press('Escape');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + 10, pane.y + 10);
  await expect(edge).toHaveCount(0);
  await expect(page.locator('.bp-edge-canvas')).toHaveAttribute('data-edges', String(all));

  // pressed on the canvas's curve, released after the pointer's rest handed that edge to React
  // Flow: the click lands on the pane or an ancestor, not the edge, and must still select it
  const quick = into[Math.floor(into.length / 2)];
  await page.mouse.move(quick.x, quick.y);
  await page.mouse.down();
  await expect(page.locator(`.react-flow__edge[data-id="${quick.id}"]`)).toHaveCount(1);
  await page.mouse.up();
  await expect(page.locator(`.react-flow__edge[data-id="${quick.id}"]`)).toHaveClass(/selected/);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.mouse.click(pane.x + 10, pane.y + 10);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // a right-click on a curve opens the edge's menu with that edge selected
  await page.mouse.move(5, 5);
  await page.mouse.click(hovered.x, hovered.y, { button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  // (the edge painted uppermost there: an edge handed back to the canvas is painted last, so it may be another curve through that point)
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // and a double click on a curve adds no neuron (it is on the edge, not on empty canvas)
  const neurons = await page.locator('.react-flow__node-neuron').count();
  await page.mouse.click(pane.x + 10, pane.y + 10);
  await page.mouse.move(5, 5);
  await page.mouse.dblclick(into[1].x, into[1].y);
  await page.mouse.move(5, 5);
  await expect(page.locator('.react-flow__node-neuron')).toHaveCount(neurons);
});

test("dragging a node of a big graph moves its edges on the canvas with it", async ({ page }) => {
  await bigGraph(page);
  const node = flowNode(page, '51');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 80, box.y + 8 + 120, { steps: 10 });
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(Math.abs(moved.y - box.y)).toBeGreaterThan(60);
  // the curves now end at the moved node, and the canvas shows them there
  await expect
    .poll(async () => (await probe(page, '51')).filter((p) => p.pixel[3] > 0).length, { message: 'edges into the moved node painted along their new curves' })
    .toBe(26);
});

test("a big graph's SVG export draws every edge as its own path (not the canvas the page paints them on)", async ({ page }) => {
  await bigGraph(page);
  const pending = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'SVG picture' }).click();
  const svg = readFileSync((await (await pending).path())!, 'utf8');
  expect(svg).not.toContain('foreignObject');
  expect(svg.match(/<path class="edge"/g)?.length).toBeGreaterThan(600);
});

test('a big graph trains, and once it pauses its decision map is at full resolution', async ({ page }) => {
  await bigGraph(page);
  const map = page.locator('canvas.plot-map');
  await expect(map).toHaveAttribute('width', '100');
  await page.getByRole('button', { name: 'Play training' }).click();
  const epoch = page.getByTestId('readout-Epoch');
  await expect.poll(async () => Number(await epoch.getAttribute('data-value'))).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  // (while it ran, a pass too slow for the boundary to keep up may have used a coarser grid: on a
  // fast machine this graph's may not, so which grid it picks is tested in mapResolution.test.ts)
  await expect(map).toHaveAttribute('width', '100');
  await expect(map).toHaveAttribute('height', '100');
});

test("a big graph's edge canvas follows training: once it pauses, the curves show their trained weights", async ({ page }) => {
  await bigGraph(page);
  const output = '51';
  const near = (await flowNode(page, output).boundingBox())!;
  await page.mouse.move(near.x, near.y + near.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await page.mouse.move(5, 5); // off the canvas: no edge hovered, so the curves stay as they are
  await settle(page);
  const before = new Map((await hover(page, await probe(page, output))).map((p) => [p.id, p.negative]));
  await page.getByRole('button', { name: 'Play training' }).click();
  const epoch = page.getByTestId('readout-Epoch');
  await expect.poll(async () => Number(await epoch.getAttribute('data-value'))).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Play training' })).toBeVisible();
  await settle(page);
  // every curve is painted, in its trained weight's colour — where no other curve lies over it
  // (trained curves are thicker, and cross more often near the output)
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const shown = (await probe(page, output)).filter((p) => p.x > pane.x && p.x < pane.x + pane.width && p.y > pane.y && p.y < pane.y + pane.height);
  expect(shown.length).toBeGreaterThan(10);
  for (const p of shown) expect(p.pixel[3], `edge ${p.id} is painted after training`).toBeGreaterThan(50);
  const alone = (await hover(page, shown)).filter((p) => p.hit === p.id);
  expect(alone.length).toBeGreaterThan(5);
  const agree = alone.filter((p) => paintedNegative(p.pixel) === p.negative).length;
  expect(agree).toBeGreaterThanOrEqual(alone.length - 2);
  // training turns some of these weights' signs (it did in every run here), and a canvas that had
  // not followed would still show their old colours
  const turned = alone.filter((p) => before.get(p.id) !== p.negative);
  expect(turned.length).toBeGreaterThan(0);
  for (const p of turned) expect(paintedNegative(p.pixel), `edge ${p.id} turned ${p.negative ? 'negative' : 'positive'}`).toBe(p.negative);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`a big graph's edges are reached with the keyboard through the inspector at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await bigGraph(page);
    // a focused node is selected with Enter (React Flow's keyboard selection)
    await flowNode(page, '51').focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('group', { name: 'Edges in, from (26)' })).toBeVisible();
    // no edge is a Tab stop on a big graph's canvas: the inspector's button is
    const toEdge = inspector.getByRole('button', { name: 'Select edge 26 → 51' });
    await toEdge.focus();
    await page.keyboard.press('Enter');
    // the edge is selected, drawn highlighted by React Flow, and its inspector names it
    await expect(page.locator('.react-flow__edge.selected[data-id="26->51"]')).toHaveCount(1);
    await expect(inspector).toContainText('Weight');
    await page.screenshot({ path: `test-results/screenshots/big-graph-keyboard-edge-${size.width}x${size.height}.png` });
    // and back to either end of it
    await inspector.getByRole('button', { name: 'Select node 26' }).focus();
    await page.keyboard.press('Enter');
    await expect(flowNode(page, '26')).toHaveClass(/selected/);
    await expect(inspector.getByRole('group', { name: 'Edges out, to (1)' })).toBeVisible();
  });
}
