import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS } from '../../src/shared/ipc';

vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { Windows } = await import('../../src/main/windows');

// Closing asks the renderer first (it owns the unsaved-changes prompt); the window closes only
// when the renderer says so, or at once when its page never came up or crashed.

class FakeWindow extends EventEmitter {
  closed = false;
  sent: unknown[][] = [];
  crashed = false;
  webContents = { id: 11, send: (...args: unknown[]) => this.sent.push(args), isCrashed: () => this.crashed };
  close() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.closed = true;
      this.emit('closed');
    }
  }
}

function setup() {
  const afterClose = vi.fn();
  const windows = new Windows(afterClose);
  const win = new FakeWindow();
  windows.add(win as never);
  return { windows, win, afterClose };
}

describe('window close handshake', () => {
  it('a window whose page is not ready closes at once', () => {
    const { win } = setup();
    win.close();
    expect(win.closed).toBe(true);
  });

  it('a ready window asks the renderer and stays open until it answers', () => {
    const { windows, win, afterClose } = setup();
    windows.markReady(11);
    win.close();
    expect(win.closed).toBe(false);
    expect(win.sent).toEqual([[EVENTS.onCloseRequest.channel, { reason: 'close' }]]);
    windows.closeNow(11);
    expect(win.closed).toBe(true);
    expect(afterClose).toHaveBeenCalled();
    expect(windows.ids().size).toBe(0);
  });

  it('says when the close is part of quitting, and a crashed page does not block it', () => {
    const { windows, win } = setup();
    windows.markReady(11);
    windows.quitting = true;
    win.close();
    expect(win.sent).toEqual([[EVENTS.onCloseRequest.channel, { reason: 'quit' }]]);
    win.crashed = true;
    win.close();
    expect(win.closed).toBe(true);
  });
});
