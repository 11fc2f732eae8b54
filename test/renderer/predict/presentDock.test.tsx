// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byId, compile, readPass } from '../../../src/engine';
import { PresentDockProvider, PresentDockSlot } from '../../../src/renderer/src/predict/presentDock';
import { StepperPanel } from '../../../src/renderer/src/stepper/StepperPanel';
import { press, tutorialDoc, typeInto, world } from './world';

// Presentation mode hides the details area; while predicting, the card (question, answer,
// verdict, diagnosis, tally) moves to a dock on the canvas: one card, one live region.

const doc = tutorialDoc();
const truth = readPass(compile(doc), doc.dataset.examples[0]);
const neuron1 = (() => {
  const n = byId(truth.nodes)['1'];
  if (n.type !== 'neuron') throw new Error('1');
  return n;
})();

let w = world();
beforeEach(() => {
  w = world();
  w.studio.predict.setOn(true);
  w.render(
    <PresentDockProvider>
      <div className="details">
        <StepperPanel />
      </div>
      <main className="canvas">
        <PresentDockSlot />
      </main>
    </PresentDockProvider>,
  );
  w.act(() => w.studio.steps.startStepping());
  w.act(() => w.studio.steps.stepForward()); // neuron 1's forward step
});
afterEach(() => w.done());

const dock = () => w.host.querySelector<HTMLElement>('.canvas .predict-dock');
const verdictRegions = () => w.host.querySelectorAll('[aria-live="assertive"]');

describe('predicting in presentation mode', () => {
  it('not presenting: the card is in the details, nothing on the canvas', () => {
    expect(dock()).toBeNull();
    expect(w.host.querySelector('.details .predict-card')).not.toBeNull();
  });

  it('presenting: the one card, the tally and the live region are docked on the canvas, the answer field focused', () => {
    w.act(() => w.studio.view.togglePresenting());
    expect(dock()).not.toBeNull();
    expect(w.host.querySelectorAll('.predict-card')).toHaveLength(1);
    expect(dock()!.querySelector('.predict-card')).not.toBeNull();
    expect(dock()!.querySelector('.predict-tally')).not.toBeNull();
    expect(verdictRegions()).toHaveLength(1);
    expect(dock()!.contains(verdictRegions()[0])).toBe(true);
    expect(document.activeElement).toBe(dock()!.querySelector('.predict-input'));
  });

  it('with the keyboard: a wrong answer and its diagnosis, R, a right one, then focus on Next step in the dock', () => {
    w.act(() => w.studio.view.togglePresenting());
    const input = () => dock()!.querySelector<HTMLInputElement>('.predict-input')!;
    typeInto(input(), '999');
    press(input(), 'Enter');
    expect(dock()!.querySelector('.predict-diagnosis')?.textContent).not.toBe('');
    expect(dock()!.querySelector('[data-tally="wrong"]')?.textContent).toBe('1');
    press(document.activeElement!, 'r');
    typeInto(input(), neuron1.s.toPrecision(4));
    press(input(), 'Enter');
    expect(w.studio.predict.getState().announcement).toMatch(/^Right: s_1/);
    typeInto(input(), neuron1.z.toPrecision(4));
    press(input(), 'Enter');
    expect(dock()!.querySelector('[data-tally="right"]')?.textContent).toBe('2');
    expect(document.activeElement?.textContent).toBe('Next step');
    expect(dock()!.contains(document.activeElement)).toBe(true);
  });

  it('leaving presentation mode puts the card back in the details', () => {
    w.act(() => w.studio.view.togglePresenting());
    w.act(() => w.studio.view.togglePresenting());
    expect(dock()).toBeNull();
    expect(w.host.querySelector('.details .predict-card')).not.toBeNull();
  });
});
