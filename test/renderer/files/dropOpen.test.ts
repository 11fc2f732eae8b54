// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A graph file dropped on the window: the web page reads it; on the desktop the drop is left to
// its default action, the navigation main sees and turns into an open (main/files/droppedFile.ts).

const fake = vi.hoisted(() => ({ platform: { kind: 'web', openDroppedFile: vi.fn() } }));
vi.mock('../../../src/renderer/src/platform', () => ({ platform: fake.platform }));
vi.mock('../../../src/renderer/src/files/documentFlows', () => ({ openArrived: (read: () => unknown) => read() }));

import { installDropOpen } from '../../../src/renderer/src/files/dropOpen';

function drop(target: EventTarget, name: string): Event {
  const event = new Event('drop', { cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [new File(['{}'], name)] } });
  target.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  fake.platform.openDroppedFile = vi.fn(async () => ({ status: 'cancelled' }));
});

describe('drop to open', () => {
  it('in the browser, reads the dropped graph file itself', () => {
    fake.platform.kind = 'web';
    const target = new EventTarget();
    const off = installDropOpen(target as unknown as Window);
    expect(drop(target, 'net.bpgraph.json').defaultPrevented).toBe(true);
    expect(fake.platform.openDroppedFile).toHaveBeenCalledOnce();
    off();
  });

  it('on the desktop, leaves a graph file’s drop to main and names nothing to it', () => {
    fake.platform.kind = 'electron';
    const target = new EventTarget();
    const off = installDropOpen(target as unknown as Window);
    expect(drop(target, 'net.bpgraph.json').defaultPrevented).toBe(false);
    expect(fake.platform.openDroppedFile).not.toHaveBeenCalled();
    // anything else is still caught here (no navigation), with a word
    expect(drop(target, 'photo.png').defaultPrevented).toBe(true);
    off();
  });
});
