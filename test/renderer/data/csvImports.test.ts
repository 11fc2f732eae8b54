// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import tutorial from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import { FakeCsvWorker } from './fakeCsvWorker';

// The studio's CSV import service, built by createStudio with its worker from the environment:
// progress while the worker reads, Cancel ends the worker, and a refusal (with its numbers) or a
// cancel leaves the document exactly as it was.

function setup() {
  const workers: FakeCsvWorker[] = [];
  const env = fakeEnv({ csvWorker: () => (workers.push(new FakeCsvWorker()), workers[workers.length - 1]) });
  const parsed = parseGraph(tutorial);
  if (!parsed.ok) throw parsed.error;
  const studio = testStudio({ env, initial: parsed.doc });
  studio.start();
  return { studio, workers };
}

const file = (text: string, name = 'points.csv') => new File([text], name, { type: 'text/csv' });
const lastNotice = (studio: ReturnType<typeof setup>['studio']) => studio.notices.getState().notices.at(-1);

describe('the studio’s CSV imports', () => {
  it('starts one worker per import, shows its progress, and replaces the data with what it read (one undo step)', async () => {
    const { studio, workers } = setup();
    const rows = Array.from({ length: 45_000 }, (_, i) => `${(i % 7) / 10},${(i % 5) / 10},${i % 2}`).join('\n');
    const done = studio.csv.importFile(file(rows));
    expect(workers).toHaveLength(1);
    expect(studio.csv.state.getState().importing).toEqual({ fileName: 'points.csv', fraction: 0 });
    const fractions: number[] = [];
    const off = studio.csv.state.subscribe((s) => s.importing && fractions.push(s.importing.fraction));
    await workers[0].runLikeTheWorker();
    await done;
    off();
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((f) => f > 0 && f <= 1)).toBe(true);
    expect(studio.csv.state.getState().importing).toBeNull();
    expect(workers[0].terminated).toBe(true);
    expect(studio.document.getState().doc.dataset.examples).toHaveLength(45_000);
    expect(lastNotice(studio)?.message).toBe('Imported 45,000 points from points.csv');
    studio.document.undo();
    expect(studio.document.getState().doc.dataset.examples.length).not.toBe(45_000);
  });

  it('cancels: the worker ends, the data is unchanged, and a late answer changes nothing', async () => {
    const { studio, workers } = setup();
    const before = studio.document.getState().doc;
    const done = studio.csv.importFile(file('0,0,1\n'));
    workers[0].reply({ type: 'progress', fraction: 0.4 });
    expect(studio.csv.state.getState().importing).toEqual({ fileName: 'points.csv', fraction: 0.4 });
    studio.csv.cancel();
    await done;
    expect(workers[0].terminated).toBe(true);
    expect(studio.csv.state.getState().importing).toBeNull();
    expect(lastNotice(studio)?.message).toBe('Import of points.csv cancelled; the data is unchanged.');
    await workers[0].runLikeTheWorker();
    expect(studio.document.getState().doc).toBe(before);
  });

  it('a refusal with its numbers leaves the document untouched', async () => {
    const { studio, workers } = setup();
    const before = studio.document.getState();
    const done = studio.csv.importFile(file('0,0,1\n', 'huge.csv'));
    const refusal = 'Importing “huge.csv”: the document would be 61.3 MB as a file; a graph file holds at most 50.0 MB (about 2,039,000 such points). Nothing was imported.';
    workers[0].reply({ type: 'done', result: { ok: false, message: refusal } });
    await done;
    expect(lastNotice(studio)).toMatchObject({ message: refusal, kind: 'error' });
    const after = studio.document.getState();
    expect(after.doc).toBe(before.doc);
    expect(after.revision).toBe(before.revision);
    expect(after.past).toBe(before.past);
  });

  it('refuses a file too big before any worker starts, with the sizes', async () => {
    const { studio, workers } = setup();
    const before = studio.document.getState().doc;
    const huge = Object.defineProperty(file('', 'big.csv'), 'size', { value: 51 * 1024 * 1024 });
    await studio.csv.importFile(huge);
    expect(workers).toHaveLength(0);
    expect(lastNotice(studio)?.message).toMatch(/^“big\.csv” is 51\.0 MB; a document holds at most 50\.0 MB/);
    expect(studio.document.getState().doc).toBe(before);
  });

  it('stopping the studio ends a running import’s worker', async () => {
    const { studio, workers } = setup();
    const before = studio.document.getState().doc;
    const done = studio.csv.importFile(file('0,0,1\n'));
    studio.stop();
    await done;
    expect(workers[0].terminated).toBe(true);
    expect(studio.document.getState().doc).toBe(before);
  });
});
