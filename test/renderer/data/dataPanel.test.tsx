// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { DataPlot, DataSetPanel, DataTools } from '../../../src/renderer/src/data/DataPlot';
import { PointCounts } from '../../../src/renderer/src/data/PointCounts';
import { PlotPoints } from '../../../src/renderer/src/data/PlotPoints';
import { CLASS_COLOURS } from '../../../src/renderer/src/data/classes';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';
import { fakeEnv, testStudio } from '../studio/fakeEnv';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function tutorial() {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return r.doc;
}

let studio = testStudio();
let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  studio = testStudio({ initial: tutorial() });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const render = (node: React.ReactNode) => act(() => root.render(<StudioProvider studio={studio}>{node}</StudioProvider>));
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
const click = (el: Element | undefined) => act(() => (el as HTMLElement).click());
const key = (el: Element, k: string) => act(() => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));

describe('points of k classes and test points', () => {
  const size = { width: 320, height: 320 };
  it('draws each class in its colour and test points hollow; "show test data" hides them and is remembered', () => {
    studio.document.setExamples([
      { x: [0, 0], y: [1, 0, 0] },
      { x: [0.5, 0.5], y: [0, 1, 0] },
      { x: [-0.5, 0.5], y: [0, 0, 1], test: true },
    ]);
    studio.document.replaceDocument({ ...studio.document.getState().doc, dataset: { ...studio.document.getState().doc.dataset, classes: ['a', 'b', 'c'] } }, 'labels');
    render(<PlotPoints size={size} />);
    const circles = () => [...host.querySelectorAll('circle.point')];
    expect(circles().map((c) => c.getAttribute('data-colour'))).toEqual(CLASS_COLOURS.slice(0, 3));
    expect(circles().map((c) => c.classList.contains('point-test'))).toEqual([false, false, true]);
    expect((circles()[2] as SVGElement).style.stroke).toBe(CLASS_COLOURS[2]);
    act(() => studio.plotView.setShowTest(false));
    expect(circles()).toHaveLength(2);
    // a new window with the same storage remembers it
    const again = testStudio({ env: studio.fake });
    expect(again.plotView.getState().showTest).toBe(false);
  });

  it('counts points per class and the train/test split', () => {
    studio.document.setExamples([
      { x: [0, 0], y: [1, 0, 0] },
      { x: [0.5, 0.5], y: [0, 1, 0], test: true },
      { x: [-0.5, 0.5], y: [0, 1, 0] },
    ]);
    const doc = studio.document.getState().doc;
    studio.document.replaceDocument({ ...doc, dataset: { ...doc.dataset, classes: ['cat', 'dog', 'eel'] } }, 'labels');
    render(<PointCounts />);
    expect(host.textContent).toBe('3 points: 1 cat, 2 dog, 0 eel · 2 training, 1 test');
  });
});

describe('the data panel', () => {
  it('the class count makes a k-class spiral, says the graph lacks outputs and adds them in one click', () => {
    render(<><DataPlot /><DataSetPanel /></>);
    const count = host.querySelector<HTMLSelectElement>('select[aria-label="Number of classes"]')!;
    act(() => {
      count.value = '3';
      count.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(studio.document.getState().doc.dataset.classes).toHaveLength(3);
    expect(host.querySelectorAll('.class-picker button')).toHaveLength(3);
    const issue = host.querySelector('.data-issue')!;
    expect(issue.textContent).toContain('3 classes need 3 output neurons, one per class (softmax or not); the graph has 1.');
    click(button('Add outputs 2…3'));
    expect(host.querySelector('.data-issue')).toBeNull();
    expect(studio.document.getState().doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined)).toHaveLength(3);
    studio.document.undo();
    expect(studio.document.getState().doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined)).toHaveLength(1);
  });

  it('keys 1…k choose the class of new points; T marks the point in hand as test, one undo step, also from its checkbox', () => {
    render(<><DataPlot /><DataSetPanel /></>);
    act(() => studio.generators.change({ classes: 4 }));
    const plot = host.querySelector('[data-testid="data-plot"]')!;
    key(plot, '3');
    expect(host.querySelectorAll('.class-picker button')[2].getAttribute('aria-pressed')).toBe('true');
    act(() => studio.live.setState({ exampleIndex: 0 }));
    const wasTest = studio.document.getState().doc.dataset.examples[0].test === true;
    key(plot, 't');
    expect(studio.document.getState().doc.dataset.examples[0].test === true).toBe(!wasTest);
    const box = [...host.querySelectorAll<HTMLInputElement>('.point-in-hand input[type="checkbox"]')][0];
    expect(box.checked).toBe(!wasTest);
    click(box);
    expect(studio.document.getState().doc.dataset.examples[0].test === true).toBe(wasTest);
    studio.document.undo();
    expect(studio.document.getState().doc.dataset.examples[0].test === true).toBe(!wasTest);
  });

  it('regression: the switch makes a set coloured by value with a colour bar; the value of new points is a field', () => {
    render(<><DataPlot /><DataSetPanel /></>);
    click(button('Regression'));
    expect(studio.document.getState().doc.dataset.problem).toBe('regression');
    expect(host.querySelector('.colour-bar')?.getAttribute('aria-label')).toMatch(/^value scale from -?\d/);
    expect(host.querySelector('input[aria-label="Value of new points"]')).not.toBeNull();
    expect(host.querySelector('.class-picker')).toBeNull();
    expect(host.querySelector('canvas.plot-map')?.getAttribute('data-mode')).toBe('value');
    click(button('1-D function points'));
    expect(host.querySelector('canvas.plot-map')?.getAttribute('data-mode')).toBe('none');
    click(button('Classification'));
    expect(studio.document.getState().doc.dataset.problem).toBe('classification');
  });

  it('the sliders show the noise and the train share; letting go regenerates with the split', () => {
    render(
      <>
        <DataPlot />
        <DataSetPanel />
        <DataTools />
      </>,
    );
    const ratio = host.querySelector<HTMLInputElement>('input[aria-label="Training data"]')!;
    act(() => {
      // the native setter: React tracks the value it set and ignores an input event without a change
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(ratio, '70');
      ratio.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(studio.generators.getState().trainRatio).toBe(0.7);
    act(() => ratio.dispatchEvent(new Event('change', { bubbles: true })));
    const examples = studio.document.getState().doc.dataset.examples;
    expect(examples.filter((e) => e.test)).toHaveLength(Math.round(examples.length * 0.3));
    expect(host.querySelector('[data-testid="split-count"]')?.textContent).toContain(`${Math.round(examples.length * 0.3)} test`);
    // the slider names a generated set's share, never the open data's (an opened file's test examples stay under the plot)
    expect(host.textContent).toContain('70 % (of a generated set)');
  });
});

describe('class labels', () => {
  it('a label field renames its class when left, one undo step; a taken name is refused with a notice', () => {
    render(<><DataPlot /><DataSetPanel /></>);
    act(() => studio.generators.change({ classes: 3 }));
    click(button('Labels…'));
    const field = host.querySelector<HTMLInputElement>('input[aria-label="Label of class 2"]')!;
    act(() => {
      field.value = 'dogs';
      field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(studio.document.getState().doc.dataset.classes).toEqual(['class 0', 'dogs', 'class 2']);
    expect(button('Dogs')).toBeDefined();
    const third = host.querySelector<HTMLInputElement>('input[aria-label="Label of class 3"]')!;
    act(() => {
      third.value = 'dogs';
      third.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(studio.document.getState().doc.dataset.classes).toEqual(['class 0', 'dogs', 'class 2']);
    expect(studio.notices.getState().notices.at(-1)?.message).toBe('Class 2 is already called “dogs”; class names must differ.');
    studio.document.undo();
    expect(studio.document.getState().doc.dataset.classes).toEqual(['class 0', 'class 1', 'class 2']);
  });
});

describe('the plot view', () => {
  it('remembers discretise and show-test across windows, and falls back on a bad stored value', () => {
    const env = fakeEnv();
    const first = testStudio({ env });
    first.plotView.setDiscrete(true);
    expect(testStudio({ env }).plotView.getState()).toEqual({ discrete: true, showTest: true });
    env.storageData.set('backprop-studio.plotView', '{"discrete":"yes"}');
    expect(testStudio({ env }).plotView.getState()).toEqual({ discrete: false, showTest: true });
  });
});
