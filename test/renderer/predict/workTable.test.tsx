// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleQuantities } from '../../../src/engine/predict';
import { readable } from '../../../src/renderer/src/format/number';
import { WorkTable } from '../../../src/renderer/src/predict/WorkTable';
import { press, tutorialDoc, typeInto, world } from './world';

// "Work it by hand": the example's quantities with blanks, each checked as it is filled in.

const quantities = exampleQuantities(tutorialDoc(), 0);
let w = world();
beforeEach(() => {
  w = world();
  w.render(<WorkTable />);
});
afterEach(() => w.done());

const count = () => w.host.querySelector('.work-count')?.textContent;
const row = (key: string) => w.host.querySelector<HTMLTableRowElement>(`tr[data-quantity-key="${key}"]`)!;
const chooseBlanks = (name: string) => {
  const radio = [...w.host.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.parentElement?.textContent?.includes(name))!;
  w.act(() => radio.click());
};

describe('the on-screen worksheet', () => {
  it('blank forward: inputs for s, z and E, the rest shown; filled in right, it says so', () => {
    chooseBlanks('Forward and error');
    const blanks = quantities.filter((q) => q.phase === 'forward' || q.phase === 'error');
    expect(w.host.querySelectorAll('tbody input')).toHaveLength(blanks.length);
    expect(row(quantities.find((q) => q.phase === 'backward')!.key).querySelector('[data-value]')).not.toBeNull();
    expect(count()).toBe(`0 of ${blanks.length} right`);
    for (const q of blanks) {
      const input = row(q.key).querySelector('input')!;
      typeInto(input, q.value.toPrecision(4));
      press(input, 'Enter');
    }
    expect(count()).toBe(`All ${blanks.length} right: example 1 worked by hand.`);
  });

  it('a wrong entry is marked with its diagnosis and not counted', () => {
    chooseBlanks('Update');
    const q = quantities.find((x) => x.kind === 'update')!;
    if (q.kind !== 'update') throw new Error('kind');
    const input = row(q.key).querySelector('input')!;
    typeInto(input, String(q.w + q.eta * q.gradient));
    press(input, 'Enter');
    expect(row(q.key).className).toBe('is-wrong');
    expect(row(q.key).querySelector('.work-why')?.textContent).toMatch(/against the gradient/);
    expect(count()).toMatch(/^0 of/);
  });

  it('all blank by default: every quantity of the example has a field', () => {
    expect(w.host.querySelectorAll('tbody input')).toHaveLength(quantities.length);
  });
});

/** what a screen reader reads of an element: its text, less what is aria-hidden */
const spokenText = (el: Element): string =>
  [...el.childNodes]
    .map((n) => (n.nodeType === 3 ? (n.textContent ?? '') : n instanceof Element && n.getAttribute('aria-hidden') !== 'true' ? spokenText(n) : ''))
    .join('');

describe('the worksheet for a screen reader', () => {
  it('each row header reads the quantity’s plain name; each field and Reveal button names its quantity', () => {
    const q = quantities.find((x) => x.kind === 'grad')!;
    expect(spokenText(row(q.key).querySelector('th')!).trim()).toBe(q.label);
    expect(row(q.key).querySelector('input')?.getAttribute('aria-label')).toBe(`Your value of ${q.label}`);
    expect(row(q.key).querySelector('button')?.getAttribute('aria-label')).toBe(`Reveal ${q.label}`);
  });

  it('a checked row is said once, in the sheet’s one status region, with the count', () => {
    const q = quantities[0];
    const input = row(q.key).querySelector('input')!;
    typeInto(input, q.value.toPrecision(4));
    press(input, 'Enter');
    const regions = [...w.host.querySelectorAll('[role="status"], [aria-live]')];
    expect(regions).toHaveLength(1);
    expect(regions[0].textContent).toBe(`Right: ${q.label} = ${readable(q.value)}. 1 of ${quantities.length} right.`);
  });
});

describe('the on-screen worksheet with a regulariser and momentum', () => {
  it('says the update rule it checks, and takes the engine’s new weight as right', () => {
    w.act(() => w.studio.document.setTraining({ regularization: { kind: 'L2', rate: 0.05 }, momentum: 0.9 }, { history: true }));
    const rule = w.host.querySelector('[data-testid="work-update-rule"]')!.textContent ?? '';
    expect(rule).toContain('+ 2λw');
    expect(rule).toContain('v ← βv + g');
    expect(rule).toContain('from this example alone');
    // η in the page's one number format, not the float's digits
    w.act(() => w.studio.document.setTraining({ learningRate: 0.1 + 0.2 }, { history: true }));
    expect(w.host.querySelector('[data-testid="work-update-rule"]')!.textContent).toContain('η = 0.3, v the velocity');
    chooseBlanks('Update');
    const update = exampleQuantities(w.studio.document.getState().doc, 0).find((q) => q.kind === 'update')!;
    const input = row(update.key).querySelector('input')!;
    typeInto(input, String(update.value));
    press(input, 'Enter');
    expect(row(update.key).className).toBe('is-right');
  });
});
