import { expect, type Locator, type Page } from '@playwright/test';

// Mouse-and-keyboard helpers for the graph editor's e2e tests.

export const canvas = (page: Page) => page.getByRole('main');
export const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const edges = (page: Page) => page.locator('.react-flow__edge');

export async function center(loc: Locator): Promise<{ x: number; y: number }> {
  const box = await loc.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** drags from `from`'s output handle to `to`'s input handle (or its body, when `toBody`) */
export async function dragConnect(page: Page, from: string, to: string, opts: { toBody?: boolean } = {}) {
  const a = await center(flowNode(page, from).locator('.react-flow__handle.source'));
  const target = opts.toBody ? flowNode(page, to) : flowNode(page, to).locator('.react-flow__handle.target');
  const b = await center(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  return b;
}

export async function openApp(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(flowNode(page, 'in_1')).toBeVisible();
  return errors;
}

/** every annotation a person sees, as { nodeId: { quantity: value } } */
export async function readAnnotations(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.locator('.react-flow__node').evaluateAll((els) => {
    const out: Record<string, Record<string, string>> = {};
    for (const el of els) {
      const id = el.getAttribute('data-id')!;
      out[id] = {};
      for (const v of el.querySelectorAll('[data-quantity]')) {
        out[id][v.getAttribute('data-quantity')!] = v.getAttribute('data-value')!;
      }
    }
    return out;
  });
}

/** waits until the viewport stops moving (fit-view and zoom animations start a frame late) */
export async function settle(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  let stable = 0;
  for (let i = 0; i < 60 && stable < 3; i++) {
    await page.waitForTimeout(150);
    const now = (await viewport.getAttribute('style')) ?? '';
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** screen position of a canvas (flow) coordinate, read from the viewport's transform */
export async function toScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.locator('.react-flow__viewport').evaluate(
    (el, p) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      const pane = el.closest('.react-flow')!.getBoundingClientRect();
      return { x: pane.left + m.e + p.x * m.a, y: pane.top + m.f + p.y * m.d };
    },
    { x, y },
  );
}

/**
 * Selects an edge as a person does: a click on its curve a quarter of the way along (clear of the
 * edges converging on a neuron), not at its box's centre, which a curve need not pass through;
 * again until it is selected, for a view that was still settling after a file opened.
 */
export async function selectEdge(page: Page, id: string): Promise<void> {
  const edge = page.locator(`.react-flow__edge[data-id="${id}"]`);
  await expect(async () => {
    const p = await edge.locator('path.react-flow__edge-path').evaluate((el: SVGPathElement) => {
      const pt = el.getPointAtLength(el.getTotalLength() / 4);
      const m = el.getScreenCTM()!;
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    });
    await page.mouse.click(p.x, p.y);
    await expect(edge).toHaveClass(/\bselected\b/, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}
