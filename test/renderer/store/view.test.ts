// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

describe('closed side panels', () => {
  it('toggle one at a time, are remembered in localStorage and read back when the app starts', async () => {
    localStorage.clear();
    vi.resetModules();
    const view = await import('../../../src/renderer/src/store/view');
    expect(view.useView.getState().closedPanels).toEqual([]);
    view.togglePanel('data');
    view.togglePanel('formulas');
    view.togglePanel('data');
    expect(view.useView.getState().closedPanels).toEqual(['formulas']);

    vi.resetModules();
    const fresh = await import('../../../src/renderer/src/store/view');
    expect(fresh.useView.getState().closedPanels).toEqual(['formulas']);
  });

  it('start all open when what is stored is not a list of names', async () => {
    localStorage.setItem('backprop-studio.closedPanels', '{"data": true}');
    vi.resetModules();
    const view = await import('../../../src/renderer/src/store/view');
    expect(view.useView.getState().closedPanels).toEqual([]);
    localStorage.setItem('backprop-studio.closedPanels', 'not json');
    vi.resetModules();
    expect((await import('../../../src/renderer/src/store/view')).useView.getState().closedPanels).toEqual([]);
  });
});
