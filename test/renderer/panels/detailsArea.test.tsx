// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { exampleQuantities } from '../../../src/engine/predict';
import { DetailsArea } from '../../../src/renderer/src/panels/DetailsArea';
import { tutorialDoc, world } from '../predict/world';

// The details area under the canvas. The worksheet is a row per quantity of the whole net (26,000
// on a 2,000-node graph: opening one took seconds longer while it sat hidden), so it is made the
// first time its tab is shown, and kept from then on (what was typed into it survives a tab switch).

let w = world();
afterEach(() => w.done());

const rows = () => w.host.querySelectorAll('#details-panel-worksheet tbody tr').length;

describe('the details area', () => {
  it('makes no worksheet rows until the worksheet is shown, then keeps them when another tab is', () => {
    w = world();
    w.act(() => w.studio.view.showDetail('inspector'));
    w.render(<DetailsArea />);
    expect(w.host.querySelector('#details-panel-inspector')?.hasAttribute('hidden')).toBe(false);
    expect(rows()).toBe(0);
    expect(w.host.querySelector('#details-panel-formulas')?.childElementCount).toBe(0);

    w.act(() => w.studio.view.showDetail('worksheet'));
    expect(rows()).toBe(exampleQuantities(tutorialDoc(), 0).length);

    const first = w.host.querySelector<HTMLInputElement>('#details-panel-worksheet tbody input');
    w.act(() => w.studio.view.showDetail('inspector'));
    expect(w.host.querySelector('#details-panel-worksheet')?.hasAttribute('hidden')).toBe(true);
    expect(rows()).toBe(exampleQuantities(tutorialDoc(), 0).length);
    expect(w.host.querySelector('#details-panel-worksheet tbody input')).toBe(first);
  });

  it('typesets no formulas for a selected neuron until the formulas are shown', () => {
    w = world();
    w.act(() => w.studio.view.showDetail('inspector'));
    w.render(<DetailsArea />);
    w.act(() => w.studio.selection.select(['1']));
    expect(w.host.querySelectorAll('#details-panel-formulas .katex')).toHaveLength(0);
    w.act(() => w.studio.view.showDetail('formulas'));
    expect(w.host.querySelectorAll('#details-panel-formulas .katex').length).toBeGreaterThan(0);
  });

  it('shows the worksheet at once when it is the remembered tab', () => {
    w = world();
    w.act(() => w.studio.view.showDetail('worksheet'));
    w.render(<DetailsArea />);
    expect(rows()).toBe(exampleQuantities(tutorialDoc(), 0).length);
  });
});
