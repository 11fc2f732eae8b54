// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleQuantities } from '../../../src/engine/predict';
import { FormulaInspector } from '../../../src/renderer/src/formula/FormulaInspector';
import { Inspector } from '../../../src/renderer/src/panels/Inspector';
import { WorkTable } from '../../../src/renderer/src/predict/WorkTable';
import { press, tutorialDoc, typeInto, world } from './world';

// While the learner works the on-screen table, its open blanks are not on the canvas nor in the
// formula inspector beside it: each shows once answered right or revealed.

const quantities = exampleQuantities(tutorialDoc(), 0);
const s1 = quantities.find((q) => q.key === 's:1')!;
const z1 = quantities.find((q) => q.key === 'z:1')!;

let w = world();
beforeEach(() => {
  w = world();
  w.act(() => w.studio.selection.setState({ nodeIds: ['1'], edgeIds: [] }));
  // the node inspector reads the live values (published by the live service, not running here)
  w.act(() => w.studio.live.setState({ nodes: { '1': { s: s1.value, z: z1.value, dhds: [0.1], dEds: 0.2 } } }));
  w.render(
    <>
      <WorkTable />
      <FormulaInspector />
      <Inspector />
    </>,
  );
});
afterEach(() => w.done());

const row = (key: string) => w.host.querySelector<HTMLTableRowElement>(`tr[data-quantity-key="${key}"]`)!;
const reveal = () => w.studio.live.getState().reveal;
const inspectorBlocks = () => [...w.host.querySelectorAll<HTMLElement>('[aria-label^="Formulas for"] [data-formula]')].map((b) => b.dataset.formula);
/** the names the node inspector's readout gives a value for */
const readout = () => [...w.host.querySelectorAll('.readout dt')].map((dt) => dt.getAttribute('aria-label'));
const showSheet = () => w.act(() => w.studio.view.showDetail('worksheet'));
const answer = (key: string, text: string) => {
  const input = row(key).querySelector('input')!;
  typeInto(input, text);
  press(input, 'Enter');
};

describe('the worksheet hides its blanks while it is worked', () => {
  it('not worked (its tab not shown, nothing typed): the canvas and the inspector show everything', () => {
    expect(reveal()).toBeNull();
    expect(inspectorBlocks()).toContain('s');
    expect(readout()).toEqual(['s_k', 'z_k', '∂E/∂s_k']);
  });

  it('its tab shown: every blank is hidden on the canvas and in the inspector, the inputs’ z too stays', () => {
    showSheet();
    expect(reveal()!.nodes['1'].s).toBe(false);
    expect(reveal()!.nodes['1'].z).toBe(false);
    expect(reveal()!.nodes['1'].dhds).toBe(false);
    expect(reveal()!.nodes.in_1.z).toBe(true); // a given, not a blank
    expect(w.studio.predict.getState().hidden).toHaveLength(quantities.length);
    expect(inspectorBlocks()).toEqual([]);
    expect(readout()).toEqual([]);
  });

  it('a right answer shows it; a wrong one keeps it hidden', () => {
    showSheet();
    answer(s1.key, '999');
    expect(row(s1.key).className).toBe('is-wrong');
    expect(reveal()!.nodes['1'].s).toBe(false);
    answer(s1.key, s1.value.toPrecision(4));
    expect(reveal()!.nodes['1'].s).toBe(true);
    expect(reveal()!.nodes['1'].z).toBe(false);
    expect(inspectorBlocks()).toEqual(['s']);
    expect(readout()).toEqual(['s_k']);
  });

  it('Reveal on a row shows its value there, on the canvas and in the inspector', () => {
    showSheet();
    w.act(() => row(z1.key).querySelector<HTMLButtonElement>('button[aria-label="Reveal z_1"]')!.click());
    expect(row(z1.key).className).toBe('is-revealed');
    expect(Number(row(z1.key).querySelector('[data-value]')?.getAttribute('data-value'))).toBe(z1.value);
    expect(reveal()!.nodes['1'].z).toBe(true);
    expect(inspectorBlocks()).toEqual(['z', 'dsigma']);
    expect(w.host.querySelector('.work-count')?.textContent).toBe(`0 of ${quantities.length} right · 1 revealed`);
  });

  it('Reveal all: nothing is hidden any more', () => {
    showSheet();
    w.act(() => w.host.querySelector<HTMLButtonElement>('.work-reveal-all')!.click());
    expect(reveal()).toBeNull();
    expect(w.studio.predict.getState().hidden).toEqual([]);
    expect(w.host.querySelectorAll('tbody input')).toHaveLength(0);
    expect(inspectorBlocks()).toContain('dEds');
    expect(readout()).toEqual(['s_k', 'z_k', '∂E/∂s_k']);
  });

  it('a sheet already started keeps its blanks hidden when another tab is shown (the formulas, say)', () => {
    showSheet();
    answer(s1.key, s1.value.toPrecision(4));
    w.act(() => w.studio.view.showDetail('formulas'));
    expect(reveal()!.nodes['1'].s).toBe(true);
    expect(reveal()!.nodes['1'].z).toBe(false);
    expect(inspectorBlocks()).toEqual(['s']);
  });

  it('stepping takes the canvas over; stopping gives it back to the sheet', () => {
    showSheet();
    answer(s1.key, s1.value.toPrecision(4));
    w.act(() => w.studio.steps.startStepping());
    expect(w.studio.predict.getState().masking).toBe(false);
    w.act(() => w.studio.steps.stopStepping());
    expect(reveal()!.nodes['1'].z).toBe(false);
    expect(w.studio.predict.getState().masking).toBe(true);
  });
});
