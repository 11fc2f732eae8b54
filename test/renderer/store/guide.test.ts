import { describe, expect, it } from 'vitest';
import { fakeEnv, testStudio } from '../studio/fakeEnv';

describe('the first minute’s legend and hint', () => {
  it('show on a first run, stay dismissed in the next window, and the legend comes back on request', () => {
    const env = fakeEnv();
    const guide = testStudio({ env }).guide;
    expect(guide.getState()).toEqual({ legend: true, hint: true });
    guide.dismissLegend();
    guide.dismissHint();
    expect(testStudio({ env }).guide.getState()).toEqual({ legend: false, hint: false });
    testStudio({ env }).guide.showLegend();
    expect(testStudio({ env }).guide.getState()).toEqual({ legend: true, hint: false });
  });

  it('show again when what is stored is not theirs to read', () => {
    const env = fakeEnv();
    env.storageData.set('backprop-studio.guide', '{"legend": "no"}');
    expect(testStudio({ env }).guide.getState()).toEqual({ legend: true, hint: true });
    env.storageData.set('backprop-studio.guide', 'not json');
    expect(testStudio({ env }).guide.getState()).toEqual({ legend: true, hint: true });
  });
});
