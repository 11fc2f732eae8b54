// @vitest-environment happy-dom
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

describe('the details tabs, the drag mode and presentation', () => {
  it('remember the shown tab, whether the area is folded, and what a drag does; presentation is for this window only', () => {
    const env = fakeEnv();
    const view = testStudio({ env }).view;
    expect(view.getState()).toMatchObject({ details: { tab: 'inspector', open: true }, dragPans: true, presenting: false });
    view.showDetail('formulas');
    view.toggleDetails();
    view.setDragPans(false);
    view.togglePresenting();
    expect(view.getState().presenting).toBe(true);
    expect(testStudio({ env }).view.getState()).toMatchObject({ details: { tab: 'formulas', open: false }, dragPans: false, presenting: false });
  });

  it('starting a step-through shows its tab, unfolded', () => {
    const studio = testStudio();
    studio.start();
    studio.view.showDetail('formulas');
    studio.view.toggleDetails();
    studio.stepper.setState({ active: true });
    expect(studio.view.getState().details).toEqual({ tab: 'stepper', open: true });
    studio.stop();
  });

  it('fall back to the defaults when what is stored is not a setting', () => {
    const env = fakeEnv();
    env.storageData.set('backprop-studio.details', '{"tab": "elsewhere", "open": true}');
    env.storageData.set('backprop-studio.dragPans', '"yes"');
    expect(testStudio({ env }).view.getState()).toMatchObject({ details: { tab: 'inspector', open: true }, dragPans: true });
  });
});
