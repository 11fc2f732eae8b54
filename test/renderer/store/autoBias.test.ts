import { describe, expect, it } from 'vitest';
import { fakeEnv, testStudio } from '../studio/fakeEnv';

describe('auto-bias setting', () => {
  it('is remembered in storage and read back when the app starts again', () => {
    const env = fakeEnv();
    const first = testStudio({ env });
    expect(first.document.getState().autoBias).toBe(true);
    first.document.setAutoBias(false);
    expect(env.storageData.get('backprop-studio.autoBias')).toBe('false');
    const next = testStudio({ env });
    expect(next.document.getState().autoBias).toBe(false);
    next.document.setAutoBias(true);
    expect(testStudio({ env }).document.getState().autoBias).toBe(true);
  });
});
