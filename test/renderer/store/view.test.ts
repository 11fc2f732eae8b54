import { describe, expect, it } from 'vitest';
import { fakeEnv, testStudio } from '../studio/fakeEnv';

describe('closed side panels', () => {
  it('toggle one at a time, are remembered in storage and read back when the app starts', () => {
    const env = fakeEnv();
    const view = testStudio({ env }).view;
    expect(view.getState().closedPanels).toEqual([]);
    view.togglePanel('data');
    view.togglePanel('formulas');
    view.togglePanel('data');
    expect(view.getState().closedPanels).toEqual(['formulas']);
    expect(testStudio({ env }).view.getState().closedPanels).toEqual(['formulas']);
  });

  it('start all open when what is stored is not a list of names', () => {
    const env = fakeEnv();
    env.storageData.set('backprop-studio.closedPanels', '{"data": true}');
    expect(testStudio({ env }).view.getState().closedPanels).toEqual([]);
    env.storageData.set('backprop-studio.closedPanels', 'not json');
    expect(testStudio({ env }).view.getState().closedPanels).toEqual([]);
  });
});
