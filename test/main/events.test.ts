import { describe, expect, it } from 'vitest';
import { IpcEventRefused, sendEvent } from '../../src/main/ipc/events';

// main → renderer events leave main only in the contract's shape.

describe('sendEvent', () => {
  it('sends a matching payload on its channel', () => {
    const sent: unknown[][] = [];
    sendEvent({ send: (...args) => void sent.push(args) }, 'onOpenRequest', { filePath: '/d/a.bpgraph.json' });
    sendEvent({ send: (...args) => void sent.push(args) }, 'onCommand', 'file.save');
    expect(sent).toEqual([
      ['file:open-request', { filePath: '/d/a.bpgraph.json' }],
      ['menu:command', 'file.save'],
    ]);
  });

  it('refuses, loudly and without sending, a payload that breaks the contract', () => {
    const sent: unknown[][] = [];
    const to = { send: (...args: unknown[]) => void sent.push(args) };
    expect(() => sendEvent(to, 'onCloseRequest', { reason: 'bored' } as never)).toThrow(IpcEventRefused);
    expect(() => sendEvent(to, 'onOpenRequest', { filePath: '' })).toThrow(/file:open-request: main's event does not match the contract/);
    expect(sent).toEqual([]);
  });
});
