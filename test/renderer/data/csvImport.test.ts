import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, parseGraph, serializeGraph, type GraphDoc } from '../../../src/engine';
import { csvTooLarge, importCsv, type CsvImportRequest } from '../../../src/renderer/src/data/csvImport';

// An import gives the document only points a graph file can hold and the reader accepts.

const doc: GraphDoc = {
  nodes: [
    { id: 'a', type: 'input', feature: 0 },
    { id: 'b', type: 'input', feature: 1 },
    { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
  ],
  edges: [],
  dataset: { examples: [] },
  training: DEFAULT_TRAINING,
};

const request = (text: string | Uint8Array, fileName = 'p.csv'): CsvImportRequest => ({
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  fileName,
  doc,
  shape: { features: 2, outputs: 1 },
  targets: { low: 0, high: 1 },
  domain: { x: [-1, 1], y: [-1, 1] },
});

describe('importCsv', () => {
  it('gives the dataset of the good rows, the bad ones listed, the domain widened to fit', () => {
    const result = importCsv(request('x,y,class\n0,0,1\n3,0,0\nbad,1,1\n'));
    expect(result).toMatchObject({ ok: true, imported: 2, errors: [{ line: 4 }], widened: { x: [-1, 3.2], y: [-1, 1] } });
    if (!result.ok) return;
    const reread = parseGraph(serializeGraph({ ...doc, dataset: result.dataset }));
    expect(reread.ok).toBe(true);
  });

  it('refuses coordinates near the float maximum instead of giving a non-finite domain', () => {
    const result = importCsv(request('1.75e308,0,1\n-1.75e308,0,0\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^The points in “p\.csv” spread too far to plot: the x range .*Nothing was imported\.$/);
  });

  it('refuses, with the numbers, points that would make a document bigger than a graph file may be', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i / 1000},0.123456789,1`).join('\n');
    const limits = { maxCsvBytes: 1024 * 1024, maxDocumentBytes: 64 * 1024 };
    const result = importCsv(request(rows), undefined, limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^With the 2,000 points of “p\.csv”, the document would be 0\.\d MB as a file; a graph file holds at most 0\.1 MB \(about \d[\d,]* such points\)\. Nothing was imported\.$/);
  });

  it('refuses a CSV bigger than a document can hold before parsing it', () => {
    const limits = { maxCsvBytes: 10, maxDocumentBytes: 10 };
    expect(importCsv(request('0,0,1\n0,0,1\n0,0,1\n'), undefined, limits)).toEqual({ ok: false, message: csvTooLarge('p.csv', 18, limits) });
    expect(csvTooLarge('big.csv', 60 * 1024 * 1024)).toBe(
      '“big.csv” is 60.0 MB; a document holds at most 50.0 MB, so the largest CSV Backprop Studio imports is 50.0 MB. Nothing was imported.',
    );
    expect(csvTooLarge('ok.csv', 50 * 1024 * 1024)).toBeNull();
  });

  it('refuses invalid UTF-8 and a file without a single good row, saying why', () => {
    expect(importCsv(request(Uint8Array.of(0x30, 0x2c, 0xff, 0x2c, 0x31)))).toEqual({ ok: false, message: '“p.csv” is not UTF-8 text. Nothing was imported.' });
    const none = importCsv(request('NaN,0,1\n'));
    expect(none).toEqual({ ok: false, message: "No points in “p.csv”: line 1: x is not a finite number: 'NaN'. Nothing was imported." });
  });
});
