import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from '../../../src/engine';
import { createCsvImporter } from '../../../src/renderer/src/data/csvImporter';
import { FakeCsvWorker as FakeWorker } from './fakeCsvWorker';

// The page's side of a CSV import: one worker per import, progress passed on, Cancel ends it.

const request = {
  fileName: 'p.csv',
  doc: {
    nodes: [{ id: 'o', type: 'neuron' as const, activation: 'sigmoid' as const, output: 0 }],
    edges: [],
    dataset: { examples: [] },
    training: DEFAULT_TRAINING,
  },
  shape: { features: 2, outputs: 1 },
  targets: { low: 0, high: 1 },
  domain: { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] },
};

function setup() {
  const workers: FakeWorker[] = [];
  const importer = createCsvImporter({ worker: () => (workers.push(new FakeWorker()), workers[workers.length - 1]) });
  return { workers, importer };
}

describe('createCsvImporter', () => {
  it('parses in the worker, passes progress on, and ends the worker when done', async () => {
    const { workers, importer } = setup();
    const progress: number[] = [];
    const rows = Array.from({ length: 45_000 }, (_, i) => `${i % 2},0,1`).join('\n');
    const job = importer.start(new Blob([rows]), request, (f) => progress.push(f));
    await workers[0].runLikeTheWorker();
    const outcome = await job.outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { ok: true, imported: 45_000 } });
    expect(progress.length).toBe(2);
    expect(workers[0].terminated).toBe(true);
  });

  it('cancels: the worker ends and a late answer changes nothing', async () => {
    const { workers, importer } = setup();
    const job = importer.start(new Blob(['0,0,1\n']), request, () => undefined);
    job.cancel();
    expect(workers[0].terminated).toBe(true);
    await workers[0].runLikeTheWorker();
    expect(await job.outcome).toEqual({ status: 'cancelled' });
  });

  it('refuses a file too big before starting a worker or reading a byte', async () => {
    const { workers, importer } = setup();
    const huge = { size: 51 * 1024 * 1024 } as Blob;
    const outcome = await importer.start(huge, request, () => undefined).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { ok: false, message: expect.stringMatching(/is 51\.0 MB; a document holds at most 50\.0 MB/) } });
    expect(workers).toHaveLength(0);
  });

  it('reports a worker that dies (out of memory) in words', async () => {
    const { workers, importer } = setup();
    const job = importer.start(new Blob(['0,0,1\n']), request, () => undefined);
    workers[0].onerror?.({ message: '', preventDefault: () => undefined } as ErrorEvent);
    expect(await job.outcome).toMatchObject({ status: 'done', result: { ok: false, message: expect.stringMatching(/^Importing “p\.csv” stopped: .*Nothing was imported\.$/) } });
    expect(workers[0].terminated).toBe(true);
  });

  it('parses on the page where no worker can start', async () => {
    const importer = createCsvImporter({ worker: () => null });
    const outcome = await importer.start(new Blob(['0,0,1\n1,1,0\n']), request, () => undefined).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { ok: true, imported: 2 } });
  });
});
