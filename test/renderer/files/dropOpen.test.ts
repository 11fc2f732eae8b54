// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { installDropOpen } from '../../../src/renderer/src/files/dropOpen';

// A graph file dropped on the window: the web page reads it; on the desktop the drop is left to
// its default action, the navigation main sees and turns into an open (main/files/droppedFile.ts).

function drop(target: EventTarget, name: string): Event {
  const event = new Event('drop', { cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [new File(['{}'], name)] } });
  target.dispatchEvent(event);
  return event;
}

function setup(kind: 'web' | 'electron') {
  const openDroppedFile = vi.fn(async () => ({ status: 'cancelled' as const }));
  const notify = vi.fn();
  const target = new EventTarget();
  const off = installDropOpen(
    { flows: { openArrived: async (read) => void (await read()) }, platform: { kind, openDroppedFile }, notices: { notify } },
    target as unknown as Window,
  );
  return { target, openDroppedFile, notify, off };
}

describe('drop to open', () => {
  it('in the browser, reads the dropped graph file itself', () => {
    const { target, openDroppedFile, off } = setup('web');
    expect(drop(target, 'net.bpgraph.json').defaultPrevented).toBe(true);
    expect(openDroppedFile).toHaveBeenCalledOnce();
    off();
  });

  it('on the desktop, leaves a graph file’s drop to main and names nothing to it', () => {
    const { target, openDroppedFile, notify, off } = setup('electron');
    expect(drop(target, 'net.bpgraph.json').defaultPrevented).toBe(false);
    expect(openDroppedFile).not.toHaveBeenCalled();
    // anything else is still caught here (no navigation), with a word
    expect(drop(target, 'photo.png').defaultPrevented).toBe(true);
    expect(notify).toHaveBeenCalledOnce();
    off();
  });
});
