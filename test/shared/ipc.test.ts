import { describe, expect, it } from 'vitest';
import { API_KEYS, EVENTS, INVOKE, SEND } from '../../src/shared/ipc';

// The contract's tables: every channel names one operation, and window.backprop has one key per entry.

describe('the IPC contract', () => {
  const channels = [...Object.values(INVOKE), ...Object.values(SEND), ...Object.values(EVENTS)].map((spec) => spec.channel);

  it('gives every operation its own channel', () => {
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('lists exactly the table entries as the keys of window.backprop', () => {
    expect([...API_KEYS].sort()).toEqual([...Object.keys(INVOKE), ...Object.keys(SEND), ...Object.keys(EVENTS)].sort());
  });

  it('exposes only the operations reviewed for the desktop (a new one is added here on purpose)', () => {
    expect([...API_KEYS].sort()).toEqual(
      [
        'openDocument', 'openPath', 'saveDocument', 'recentFiles', 'exportFile', 'printWorksheetPdf',
        'saveDraft', 'loadDraft', 'clearDraft', 'confirmUnsaved', 'showError', 'openExternal',
        'rendererReady', 'closeWindow', 'closeReady', 'closeCancelled', 'setWindowState',
        'onCommand', 'onOpenRequest', 'onCloseRequest',
      ].sort(),
    );
  });
});
