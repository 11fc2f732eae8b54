// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Readouts } from '../../../src/renderer/src/training/Readouts';
import { LossChart } from '../../../src/renderer/src/training/LossChart';
import { chartSeries } from '../../../src/renderer/src/training/chartSeries';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';
import { TrainingSession } from '../../../src/renderer/src/training/session';
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

/** a document trained 3 epochs by the real session, its snapshot applied as the controller does */
function shown(doc: GraphDoc, backend: 'wasm' | 'js' = 'wasm') {
  const studio = testStudio({ initial: doc });
  const session = new TrainingSession(doc, 1, backend);
  const first = session.snapshot(false, 0);
  for (let i = 0; i < 3; i++) session.stepEpoch();
  const snap = session.snapshot(false, 0);
  studio.training.applySnapshot({ ...snap, history: [...first.history, ...snap.history] }, doc.dataset.examples.length);
  root = createRoot(host);
  act(() => root!.render(<StudioProvider studio={studio}><Readouts /><LossChart /></StudioProvider>));
  return snap;
}

const withTestSplit = (doc: GraphDoc): GraphDoc => ({
  ...doc,
  dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i % 5 === 0 ? { ...ex, test: true } : ex)) },
});
const value = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');

describe('train and test in the readouts and the loss chart', () => {
  it('without test examples: one value per readout, the E and accuracy curves, and no engine note on the kernel', () => {
    const snap = shown(layeredDoc([3], { count: 20 }));
    expect(value('readout-E')).toBe(String(snap.error));
    expect(host.querySelector('[data-testid="readout-test-E"]')).toBeNull();
    expect([...host.querySelectorAll('path[data-series]')].map((p) => p.getAttribute('data-series'))).toEqual(['error', 'accuracy']);
    expect(host.querySelector('[data-testid="readout-aside-Updates/s"]')).toBeNull();
  });

  it('with a test split: train and test values apart, two error curves with a legend, trained on the kernel (no engine note)', () => {
    const snap = shown(withTestSplit(layeredDoc([3], { count: 20 })));
    expect(value('readout-E')).toBe(String(snap.error));
    expect(value('readout-test-E')).toBe(String(snap.test!.error));
    expect(value('readout-test-Accuracy')).toBe(String(snap.test!.accuracy));
    expect(snap.test!.error).not.toBe(snap.error);
    const curves = [...host.querySelectorAll('path[data-series]')];
    expect(curves.map((p) => p.getAttribute('data-series'))).toEqual(['error', 'testError', 'accuracy', 'testAccuracy']);
    expect(curves.every((p) => (p.getAttribute('d') ?? '').startsWith('M'))).toBe(true);
    expect(host.querySelector('[data-testid="legend-testError"]')!.textContent).toContain('test mean error');
    expect(host.querySelector('[data-testid="readout-aside-Updates/s"]')).toBeNull();
  });

  it('a quiet "engine" note under Updates/s when the JavaScript engine trains', () => {
    shown(withTestSplit(layeredDoc([3], { count: 20 })), 'js');
    const note = host.querySelector('[data-testid="readout-aside-Updates/s"]')!;
    expect(note.textContent).toBe('engine');
    expect(note.getAttribute('title')).toBe('The JavaScript engine trains. Same math, same weights; only slower.');
  });

  it('a regression shows MSE instead of accuracy, and draws no accuracy curve', () => {
    const doc = layeredDoc([3], { count: 20, activation: 'linear' });
    shown(withTestSplit({ ...doc, dataset: { ...doc.dataset, problem: 'regression' } }));
    expect(host.querySelector('[data-testid="readout-MSE"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="readout-test-MSE"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="readout-Accuracy"]')).toBeNull();
    expect(chartSeries([{ epoch: 0, error: 1, meanError: 1, accuracy: 0, test: { error: 1, meanError: 1, accuracy: 0 } }], true).map((s) => s.key)).toEqual(['error', 'testError']);
  });
});
