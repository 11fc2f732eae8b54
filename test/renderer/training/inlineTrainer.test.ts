import { describe, expect, it } from 'vitest';
import { createInlineTrainer } from '../../../src/renderer/src/training/inlineTrainer';
import type { FromWorker } from '../../../src/renderer/src/training/protocol';
import { layeredDoc } from './fixtures';

describe('training on the page when no worker can start', () => {
  it('answers like the worker, asynchronously: a load, then a step', async () => {
    const got: FromWorker[] = [];
    let wake = () => {};
    const trainer = createInlineTrainer((m) => {
      got.push(m);
      wake();
    }, { now: () => performance.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    trainer.postMessage({ type: 'load', seq: 1, generation: 7, doc: layeredDoc([2], { count: 5 }) });
    expect(got).toEqual([]); // never synchronously
    await next();
    trainer.postMessage({ type: 'stepEpoch', seq: 2 });
    await next();
    const snaps = got.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
    expect(snaps.map((s) => [s.generation, s.seq, s.epoch, s.updates])).toEqual([
      [7, 1, 0, 0],
      [7, 2, 1, 5],
    ]);
  });
});
