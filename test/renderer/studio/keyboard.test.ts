// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testStudio } from './fakeEnv';

// The window's keys reach the studio through env.keys (an EventTarget in tests).
function press(studio: ReturnType<typeof testStudio>, key: string, mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'metaKey', boolean>> = {}) {
  (studio.env.keys as unknown as EventTarget).dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true, ...mods }));
}

describe('presentation mode from the keyboard', () => {
  it('Ctrl+Shift+P turns it on and off, Escape leaves it, and Escape alone does nothing when not presenting', () => {
    const studio = testStudio();
    studio.start();
    press(studio, 'P', { ctrlKey: true, shiftKey: true });
    expect(studio.view.getState().presenting).toBe(true);
    press(studio, 'p', { metaKey: true, shiftKey: true });
    expect(studio.view.getState().presenting).toBe(false);
    press(studio, 'Escape');
    expect(studio.view.getState().presenting).toBe(false);
    press(studio, 'P', { ctrlKey: true, shiftKey: true });
    press(studio, 'Escape');
    expect(studio.view.getState().presenting).toBe(false);
    studio.stop();
  });

  it('the Present button’s command toggles it too', async () => {
    const studio = testStudio();
    studio.start();
    await studio.commands.run('view.present');
    expect(studio.view.getState().presenting).toBe(true);
    studio.stop();
  });
});
