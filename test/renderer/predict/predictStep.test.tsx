// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byId, compile, readPass } from '../../../src/engine';
import { StepperPanel } from '../../../src/renderer/src/stepper/StepperPanel';
import { press, tutorialDoc, typeInto, world } from './world';

// The Predict switch on the step-through: each quantity is asked before it appears, checked,
// diagnosed when wrong, tallied per phase; the canvas keeps it hidden until then.

const doc = tutorialDoc();
const truth = readPass(compile(doc), doc.dataset.examples[0]);
const node = (id: string) => {
  const n = byId(truth.nodes)[id];
  if (n.type !== 'neuron') throw new Error(id);
  return n;
};
const weight = (id: string) => byId(truth.edges)[id].weight;
const first = truth.order.find((id) => byId(truth.nodes)[id].type === 'neuron')!;

let w = world();
beforeEach(() => {
  w = world();
  w.studio.predict.setOn(true);
  w.render(<StepperPanel />);
  w.act(() => w.studio.steps.startStepping());
  w.act(() => w.studio.steps.stepForward()); // the first neuron's forward step
});
afterEach(() => w.done());

const card = () => w.host.querySelector<HTMLElement>('.predict-card');
const input = () => w.host.querySelector<HTMLInputElement>('.predict-input')!;
const tally = (phase: string, what: string) => Number(w.host.querySelector(`tr[data-phase="${phase}"] [data-tally="${what}"]`)?.textContent);

describe('predict, then reveal', () => {
  it('asks s_k first, with the answer field focused, and keeps s_k and z_k hidden on the canvas', () => {
    expect(card()?.dataset.quantityKey).toBe(`s:${first}`);
    expect(document.activeElement).toBe(input());
    const reveal = w.studio.live.getState().reveal!;
    expect(reveal.nodes[first].s).toBe(false);
    expect(reveal.nodes[first].z).toBe(false);
    expect(w.studio.predict.getState().hidden).toEqual([`s:${first}`, `z:${first}`]);
  });

  it('a right answer (to the shown 4 digits) reveals it, counts it and asks the next; the canvas shows it', () => {
    typeInto(input(), node(first).s.toPrecision(4));
    press(input(), 'Enter');
    expect(card()?.dataset.quantityKey).toBe(`z:${first}`);
    expect(input().value).toBe(''); // a fresh field for the next quantity
    expect(document.activeElement).toBe(input());
    expect(tally('forward', 'right')).toBe(1);
    expect(w.studio.predict.getState().streak).toBe(1);
    expect(w.studio.live.getState().reveal!.nodes[first].s).toBe(true);
    expect(w.studio.live.getState().reveal!.nodes[first].z).toBe(false);
    expect(w.host.querySelector(`.predict-shown[data-quantity-key="s:${first}"] [data-formula="s"]`)).not.toBeNull();
    expect(w.studio.predict.getState().announcement).toMatch(/^Right: s_1 = /);
  });

  it('a wrong answer shows both numbers, the diagnosis and the formula; R retries, V reveals', () => {
    typeInto(input(), String(node(first).s - weight(`in_1->${first}`)));
    press(input(), 'Enter');
    const wrong = w.host.querySelector<HTMLElement>('.predict-wrong')!;
    expect(wrong.querySelector('.predict-diagnosis')?.textContent).toMatch(/You left out the bias term/);
    expect(Number(wrong.querySelector('[data-value]')?.getAttribute('data-value'))).toBe(node(first).s);
    expect(wrong.querySelector('[data-formula="s"]')).not.toBeNull();
    expect(tally('forward', 'wrong')).toBe(1);
    expect(w.studio.predict.getState().streak).toBe(0);
    expect(document.activeElement?.textContent).toMatch(/Retry/);
    // the canvas still hides it
    expect(w.studio.live.getState().reveal!.nodes[first].s).toBe(false);

    press(document.activeElement!, 'r');
    expect(w.host.querySelector('.predict-wrong')).toBeNull();
    expect(document.activeElement).toBe(input());

    typeInto(input(), '12345');
    press(input(), 'Enter');
    press(document.activeElement!, 'v');
    expect(tally('forward', 'revealed')).toBe(1);
    expect(card()?.dataset.quantityKey).toBe(`z:${first}`);
  });

  it('once a step is all shown, focus goes to Next step', () => {
    typeInto(input(), String(node(first).s));
    press(input(), 'Enter');
    typeInto(input(), String(node(first).z));
    press(input(), 'Enter');
    expect(card()).toBeNull();
    expect(document.activeElement?.className).toBe('primary');
    expect(document.activeElement?.textContent).toBe('Next step');
    expect(w.studio.predict.getState().hidden).toEqual([]);
  });

  it('something not a number is refused with a sentence, and not counted', () => {
    typeInto(input(), 'abc');
    press(input(), 'Enter');
    expect(w.host.querySelector('.predict-problem')?.textContent).toMatch(/not a number/);
    expect(tally('forward', 'wrong')).toBe(0);
  });

  it('the sign level: − 0 + by key; the choice level: 1 2 3, one of them right', () => {
    w.act(() => w.studio.predict.setLevel('sign'));
    const sign = node(first).s > 0 ? '+' : '-';
    press(document.activeElement!, sign);
    expect(tally('forward', 'right')).toBe(1);
    w.act(() => w.studio.predict.setLevel('choice'));
    const options = [...w.host.querySelectorAll<HTMLButtonElement>('.predict-option')];
    expect(options).toHaveLength(3);
    const rightAt = options.findIndex((b) => b.textContent?.includes(String(Number(node(first).z.toPrecision(4)))));
    expect(rightAt).toBeGreaterThanOrEqual(0);
    press(document.activeElement!, String(rightAt + 1));
    expect(tally('forward', 'right')).toBe(2);
  });

  it('switched off, the step shows everything at once as before', () => {
    w.act(() => w.studio.predict.setOn(false));
    expect(card()).toBeNull();
    expect(w.studio.live.getState().reveal!.nodes[first].s).toBe(true);
    expect(w.host.querySelector('[data-formula="s"]')).not.toBeNull();
  });
});
