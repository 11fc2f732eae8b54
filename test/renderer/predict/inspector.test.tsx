// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormulaInspector } from '../../../src/renderer/src/formula/FormulaInspector';
import { StepperPanel } from '../../../src/renderer/src/stepper/StepperPanel';
import { press, typeInto, world } from './world';

// Selecting the neuron being predicted does not give its value away in the formula inspector.

let w = world();
beforeEach(() => {
  w = world();
  w.studio.predict.setOn(true);
  w.render(
    <>
      <StepperPanel />
      <FormulaInspector />
    </>,
  );
  w.act(() => w.studio.selection.setState({ nodeIds: ['1'], edgeIds: [] }));
  w.act(() => w.studio.steps.startStepping());
  w.act(() => w.studio.steps.stepForward()); // neuron 1's forward step
});
afterEach(() => w.done());

const inspectorBlocks = () => [...w.host.querySelectorAll<HTMLElement>('[aria-label^="Formulas for"] [data-formula]')].map((b) => b.dataset.formula);

describe('the inspector while predicting', () => {
  it('shows neither s_1 nor z_1 until answered, then s_1', () => {
    expect(inspectorBlocks()).toEqual([]);
    const input = w.host.querySelector<HTMLInputElement>('.predict-input')!;
    typeInto(input, '999');
    press(input, 'Enter');
    expect(inspectorBlocks()).toEqual([]);
    press(document.activeElement!, 'v');
    expect(inspectorBlocks()).toEqual(['s']);
  });
});
