// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import { handleKey } from '../../../src/renderer/src/studio/keyboard';
import { INITIAL_STEPPER, stepFor } from '../../../src/renderer/src/stepper/store';
import perceptronText from '../../../examples/tutorial-perceptron.bpgraph.json?raw';
import { testStudio } from '../studio/fakeEnv';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

const onKey = (e: KeyboardEvent) => handleKey(e, { ...studio, inert: () => false });
const step = () => stepFor(studio.stepper.getState(), studio.live.getState().exampleIndex);

function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

describe('stepper keyboard shortcuts', () => {
  beforeEach(() => {
    const r = parseGraph(perceptronText);
    if (!r.ok) throw r.error;
    studio.document.loadDocument(r.doc);
    studio.stepper.setState(INITIAL_STEPPER);
    studio.live.setState({ exampleIndex: 0 });
    window.addEventListener('keydown', onKey);
  });
  afterEach(() => {
    window.removeEventListener('keydown', onKey);
    document.body.innerHTML = '';
  });

  it('N starts stepping, N and → step on, B and ← step back, End runs to the end', () => {
    press('ArrowRight');
    expect(studio.stepper.getState().active).toBe(false); // arrows do nothing until stepping
    expect(press('n').defaultPrevented).toBe(true);
    expect(studio.stepper.getState().active).toBe(true);
    press('n');
    press('ArrowRight');
    expect(step()).toBe(2);
    press('b');
    press('ArrowLeft');
    expect(step()).toBe(0);
    press('End');
    expect(step()).toBe(5); // perceptron: start, forward, error, backward, gradients, update
  });

  it('leaves keys alone while typing in a field or with a modifier', () => {
    press('n');
    const input = document.createElement('input');
    document.body.append(input);
    const e = press('n', input);
    expect(e.defaultPrevented).toBe(false);
    expect(step()).toBe(0);
    press('n', document.body, { ctrlKey: true });
    expect(step()).toBe(0);
  });

  it('leaves arrow keys to a focused canvas node (they move it)', () => {
    press('n');
    const node = document.createElement('div');
    node.className = 'react-flow__node';
    document.body.append(node);
    press('ArrowRight', node);
    expect(step()).toBe(0);
    press('n', node);
    expect(step()).toBe(1);
  });
});

describe('Space plays and pauses', () => {
  const ran: string[] = [];
  const commands = { run: async (id: string) => (ran.push(id), true) };
  const deps = () => ({ commands, view: studio.view, steps: studio.steps, stepper: studio.stepper, inert: () => false });
  const onSpace = (e: KeyboardEvent) => handleKey(e, deps());
  beforeEach(() => {
    ran.length = 0;
    window.addEventListener('keydown', onSpace);
  });
  afterEach(() => {
    window.removeEventListener('keydown', onSpace);
    document.body.innerHTML = '';
  });

  it('on the page or the canvas (a focused node), not while typing or on a button', () => {
    expect(press(' ').defaultPrevented).toBe(true);
    const canvas = document.createElement('div');
    canvas.className = 'graph-canvas';
    const node = document.createElement('div');
    node.className = 'react-flow__node';
    canvas.append(node);
    const input = document.createElement('input');
    const button = document.createElement('button');
    document.body.append(canvas, input, button);
    press(' ', node);
    press(' ', input);
    press(' ', button);
    press(' ', document.body, { ctrlKey: true });
    expect(ran).toEqual(['training.playPause', 'training.playPause']);
  });
});
