// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { StepButtons } from '../../../src/renderer/src/training/TrainingButtons';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';
import { testStudio } from '../studio/fakeEnv';
import { layeredDoc } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const host = document.createElement('div');
document.body.append(host);
afterEach(() => (host.innerHTML = ''));

function buttonTexts(mode: 'batch' | 'sequential'): string[] {
  const studio = testStudio({ initial: layeredDoc([2], { count: 4, training: { mode } }) });
  const root = createRoot(host);
  act(() => root.render(<StudioProvider studio={studio}><StepButtons /></StudioProvider>));
  const texts = [...host.querySelectorAll('button')].map((b) => b.textContent ?? '');
  act(() => root.unmount());
  return texts;
}

describe('the step button', () => {
  it('says it runs a whole epoch in batch mode (one update per epoch there)', () => {
    expect(buttonTexts('batch')).toContain('Step (batch: one epoch)');
    expect(buttonTexts('batch')).not.toContain('Step example');
  });
  it('steps one example in sequential mode', () => {
    expect(buttonTexts('sequential')).toContain('Step example');
  });
});
