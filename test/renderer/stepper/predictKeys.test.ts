// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import { handleKey } from '../../../src/renderer/src/studio/keyboard';
import perceptronText from '../../../examples/tutorial-perceptron.bpgraph.json?raw';
import { testStudio } from '../studio/fakeEnv';

// P switches Predict on and off while stepping, through the window's one keyboard listener; a
// P typed into a field (an answer) is left alone.

let studio = testStudio();
const onKey = (e: KeyboardEvent) => handleKey(e, { ...studio, inert: () => false });
const press = (key: string, target: Element = document.body) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
};

beforeEach(() => {
  studio = testStudio();
  const r = parseGraph(perceptronText);
  if (!r.ok) throw r.error;
  studio.document.loadDocument(r.doc);
  studio.live.setState({ exampleIndex: 0 });
  window.addEventListener('keydown', onKey);
});
afterEach(() => {
  window.removeEventListener('keydown', onKey);
  document.body.innerHTML = '';
});

describe('the predict key', () => {
  it('P does nothing before stepping, then toggles Predict', () => {
    press('p');
    expect(studio.predict.getState().on).toBe(false);
    press('n');
    expect(press('p').defaultPrevented).toBe(true);
    expect(studio.predict.getState().on).toBe(true);
    press('P');
    expect(studio.predict.getState().on).toBe(false);
  });

  it('a P typed into an answer field is text, not the switch', () => {
    press('n');
    const input = document.createElement('input');
    document.body.append(input);
    press('p', input);
    expect(studio.predict.getState().on).toBe(false);
  });
});
