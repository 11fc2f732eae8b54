// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { TrainingSettingsForm } from '../../../src/renderer/src/training/TrainingSettings';
import { StepButtons } from '../../../src/renderer/src/training/TrainingButtons';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';
import type { GraphDoc } from '../../../src/engine/format/types';
import { testStudio } from '../studio/fakeEnv';
import { layeredDoc } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const host = document.createElement('div');
document.body.append(host);
let root: Root | null = null;
afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  host.innerHTML = '';
});

function mount(doc: GraphDoc) {
  const studio = testStudio({ initial: doc });
  root = createRoot(host);
  act(() => root!.render(<StudioProvider studio={studio}><StepButtons /><TrainingSettingsForm /></StudioProvider>));
  return studio;
}

/** the control whose accessible name (its label's text) starts with `name` */
function control<T extends HTMLElement>(name: string): T {
  const label = [...host.querySelectorAll('label')].find((l) => (l.textContent ?? '').trim().startsWith(name));
  const el = label?.querySelector('input, select');
  if (!el) throw new Error(`no control named ${name}`);
  return el as T;
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
}

describe('the training settings', () => {
  it('mode and batch size: sequential shows b = 1, batch b = N, mini-batch takes a typed b; each change one undo step', () => {
    const studio = mount(layeredDoc([2], { count: 30 }));
    expect(control<HTMLInputElement>('Batch size b').value).toBe('1');
    expect(control<HTMLInputElement>('Batch size b').disabled).toBe(true);
    choose(control('Mode'), 'batch');
    expect(control<HTMLInputElement>('Batch size b').value).toBe('30');
    choose(control('Mode'), 'minibatch');
    expect(control<HTMLInputElement>('Batch size b').disabled).toBe(false);
    expect(host.textContent).toContain('summed, not averaged');
    expect(host.querySelector('button')!.textContent).toBe('Step batch');
    const past = studio.document.getState().past.length;
    type(control('Batch size b'), '7');
    expect(studio.document.getState().doc.training).toMatchObject({ mode: 'minibatch', batchSize: 7 });
    expect(studio.document.getState().past.length).toBe(past + 1);
    type(control('Batch size b'), '0'); // refused: b ≥ 1
    expect(studio.document.getState().doc.training.batchSize).toBe(7);
    studio.document.undo();
    expect(studio.document.getState().doc.training.batchSize).toBeUndefined();
  });

  it('regularisation and momentum: off by default; choosing L2 sets a λ, the box sets β; saved in the document', () => {
    const studio = mount(layeredDoc([2], { count: 10 }));
    expect(control<HTMLInputElement>('Momentum β').disabled).toBe(true);
    expect(control<HTMLInputElement>('Rate λ').disabled).toBe(true);
    choose(control('Regularisation'), 'L2');
    expect(studio.document.getState().doc.training.regularization).toEqual({ kind: 'L2', rate: 0.001 });
    type(control('Rate λ'), '0.01');
    expect(studio.document.getState().doc.training.regularization).toEqual({ kind: 'L2', rate: 0.01 });
    act(() => control<HTMLInputElement>('Momentum').click());
    expect(studio.document.getState().doc.training.momentum).toBe(0.9);
    type(control('Momentum β'), '1'); // β < 1
    expect(studio.document.getState().doc.training.momentum).toBe(0.9);
    type(control('Momentum β'), '0.5');
    expect(studio.document.getState().doc.training.momentum).toBe(0.5);
  });

  it('the loss: cross-entropy for one sigmoid output with 0/1 targets; disabled with the reason for a tanh output', () => {
    const studio = mount(layeredDoc([2], { count: 10 }));
    const ce = () => control<HTMLSelectElement>('Loss').querySelector<HTMLOptionElement>('option[value="crossEntropy"]')!;
    expect(ce().disabled).toBe(false);
    choose(control('Loss'), 'crossEntropy');
    expect(studio.document.getState().doc.training.loss).toBe('crossEntropy');
    act(() => root!.unmount());
    root = null;
    mount(layeredDoc([2], { count: 10, activation: 'tanh' }));
    expect(ce().disabled).toBe(true);
    expect(host.querySelector('[data-testid="loss-hint"]')!.textContent).toBe("Squared error Σ(h − y)², the tutorial’s, fits any output. Cross-entropy is not offered while output 'out' is tanh; make it sigmoid to use it.");
  });
});
