import { describe, expect, it } from 'vitest';
import { compile, trainEpochs } from '../../../src/engine';
import { createCliTrainer } from '../../../src/cli/training/kernelTrainer';
import { trainLoop } from '../../../src/cli/training/trainLoop';
import { loadFixture, TWO_FIVE_ONE } from '../../engine/helpers';

describe('trainLoop', () => {
  it('kernel and engine fallback end at the engine’s weights, epoch counted from the file’s', async () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const settings = { ...doc.training, shuffle: true, epoch: 2 };
    const reference = compile(doc);
    trainEpochs(reference, doc.dataset.examples, settings, 4);
    for (const prefer of ['kernel', 'engine'] as const) {
      const net = compile(doc);
      const trainer = createCliTrainer(net, doc.dataset.examples, prefer);
      expect(trainer.kind).toBe(prefer);
      const outcome = await trainLoop(trainer, net, { settings, epochs: 4 });
      expect(outcome).toEqual({ epoch: 6, done: 4, stopped: false, divergence: null });
      expect(Array.from(net.weights)).toEqual(Array.from(reference.weights));
    }
  });

  it('stops after the epoch in progress once the signal is aborted, yielding so the signal can arrive', async () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const abort = new AbortController();
    let clock = 0;
    const outcome = await trainLoop(createCliTrainer(net, doc.dataset.examples), net, {
      settings: doc.training,
      epochs: 1000,
      signal: abort.signal,
      now: () => (clock += 10), // every epoch looks 10 ms long: a yield every few epochs
      sliceMs: 30,
      onProgress: (done) => {
        if (done >= 6) abort.abort();
      },
    });
    expect(outcome.stopped).toBe(true);
    expect(outcome.done).toBeGreaterThanOrEqual(6);
    expect(outcome.done).toBeLessThan(1000);
    expect(outcome.epoch).toBe(outcome.done);
  });

  it('reports divergence with the epoch and edge, and stops there', async () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const settings = { ...doc.training, learningRate: 1e9, mode: 'batch' as const };
    const outcome = await trainLoop(createCliTrainer(net, doc.dataset.examples), net, { settings, epochs: 100 });
    const reference = trainEpochs(compile(doc), doc.dataset.examples, settings, 100);
    expect(outcome.divergence).toEqual(reference.divergence);
    expect(outcome.done).toBe(reference.epoch);
  });
});
