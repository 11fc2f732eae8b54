// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExplodeView } from '../../../src/renderer/src/explode/ExplodeView';
import { StepperPanel } from '../../../src/renderer/src/stepper/StepperPanel';
import { press, typeInto, world } from './world';

// Exploding the neuron being predicted does not give its values away: what the canvas and the
// formula inspector hide (their one rule, predict/inspectorMask.ts) is "?" in the explode view.

let w = world();
beforeEach(() => {
  w = world();
  w.studio.predict.setOn(true);
  w.render(
    <>
      <StepperPanel />
      <ExplodeView />
    </>,
  );
  w.act(() => w.studio.steps.startStepping());
  w.act(() => w.studio.steps.stepForward()); // neuron 1's forward step: s_1 asked
  w.act(() => w.studio.explode.open('1'));
});
afterEach(() => w.done());

const box = (quantity: string) => w.host.querySelector<SVGGElement>(`.explode-box[data-quantity="${quantity}"]`)!;
const text = (quantity: string) => box(quantity).textContent ?? '';

describe('the explode view while predicting', () => {
  it('shows the inputs and weights, and hides the products, s_1, z_1 and every gradient until they are revealed', () => {
    expect(box('input').dataset.value).toBeDefined();
    expect(box('weight').dataset.value).toBeDefined();
    expect(box('weight').dataset.grad).toBeUndefined();
    expect(box('product').dataset.value).toBeUndefined(); // a term of s_1's formula
    expect(box('sum').dataset.value).toBeUndefined();
    expect(text('sum')).toContain('value ?');
    expect(text('out')).toContain('value ?');
    expect(text('sum')).toContain('grad ?');
    expect(w.host.textContent).toContain('is still to be predicted');
  });

  it('shows s_1 once it is revealed, still not z_1', () => {
    const input = w.host.querySelector<HTMLInputElement>('.predict-input')!;
    typeInto(input, '999');
    press(input, 'Enter');
    press(document.activeElement!, 'v');
    expect(box('sum').dataset.value).toBeDefined();
    expect(box('product').dataset.value).toBeDefined();
    expect(text('sum')).not.toContain('value ?');
    expect(text('out')).toContain('value ?');
  });

  it('shows every value when not predicting', () => {
    w.act(() => w.studio.predict.setOn(false));
    expect(w.host.querySelectorAll('.explode-box[data-masked]')).toHaveLength(0);
  });
});
