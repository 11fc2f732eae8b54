// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

describe('auto-bias setting', () => {
  it('is remembered in localStorage and read back when the app starts', async () => {
    localStorage.setItem('backprop-studio.autoBias', 'false');
    vi.resetModules();
    const fresh = await import('../../../src/renderer/src/store/document');
    expect(fresh.useDocument.getState().autoBias).toBe(false);
    fresh.setAutoBias(true);
    expect(localStorage.getItem('backprop-studio.autoBias')).toBe('true');
  });
});
