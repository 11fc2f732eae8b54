import { describe, expect, it } from 'vitest';
import { describeCsvErrors, formatCsv, isHeaderRow, parseCsv } from '../../../src/renderer/src/data/csv';

const sigmoid = { low: 0, high: 1 };
const tanh = { low: -1, high: 1 };

describe('CSV points', () => {
  it('reads x,y,class rows with or without a header, class 0/1 mapped to the output targets', () => {
    const withHeader = parseCsv('x,y,class\n0.5,-0.25,1\n-1,1,0\n', tanh);
    expect(withHeader.errors).toEqual([]);
    expect(withHeader.examples).toEqual([
      { x: [0.5, -0.25], y: [1] },
      { x: [-1, 1], y: [-1] },
    ]);
    expect(parseCsv('0.5,-0.25,1\r\n-1,1,-1', sigmoid).examples).toEqual([
      { x: [0.5, -0.25], y: [1] },
      { x: [-1, 1], y: [0] },
    ]);
  });

  it('reports every bad row by its line number and keeps the good ones', () => {
    const text = ['x,y,class', '0,0,1', 'abc,0,1', '', '0.1,0.2', '0.3,1e400,0', '0.1,0.1,2', '1,1,0'].join('\n');
    const { examples, errors } = parseCsv(text, sigmoid);
    expect(examples).toHaveLength(2);
    expect(errors.map((e) => e.line)).toEqual([3, 5, 6, 7]);
    expect(errors[0].message).toContain("'abc'");
    expect(errors[1].message).toContain('3 values');
    expect(errors[2].message).toContain('y is not a finite number');
    expect(errors[3].message).toContain('class must be 0 or 1');
  });

  it('a header is only recognised on the first row: a word later is a bad row', () => {
    const { errors } = parseCsv('0,0,1\nx,y,class\n', sigmoid);
    expect(errors).toEqual([{ line: 2, message: "x is not a finite number: 'x'" }]);
  });

  it('ignores a BOM, blank lines and # comments; accepts , ; or tab as the file’s separator', () => {
    for (const sep of [',', ';', '\t']) {
      const { examples, errors } = parseCsv(`\uFEFF# points\n\n1${sep}2${sep}1\n3${sep}4${sep}0\n`, sigmoid);
      expect(errors, JSON.stringify(sep)).toEqual([]);
      expect(examples.map((e) => e.x)).toEqual([
        [1, 2],
        [3, 4],
      ]);
    }
  });

  it('never takes a numbers-like first row for a header: NaN, Infinity, e5 are bad rows, reported', () => {
    for (const first of ['NaN,0,1', 'Infinity,0,1', '-Infinity,0,0', 'e5,1,0', '0,nan,1', 'inf,0,1']) {
      const { examples, errors } = parseCsv(`${first}\n0.5,0.5,1\n`, sigmoid);
      expect(examples, first).toHaveLength(1);
      expect(errors, first).toHaveLength(1);
      expect(errors[0].line, first).toBe(1);
    }
    expect(isHeaderRow(['x', 'y', 'class'])).toBe(true);
    expect(isHeaderRow(['index', 'value', 'label'])).toBe(true);
    expect(isHeaderRow(['x', '1', 'class'])).toBe(false);
  });

  it('reports every one of 100,000 bad rows, counted, beside the one good row', () => {
    const text = ['x,y,class', ...Array.from({ length: 100_000 }, () => 'a,b,c'), '0.25,0.75,1'].join('\n');
    const { examples, errors } = parseCsv(text, sigmoid);
    expect(examples).toEqual([{ x: [0.25, 0.75], y: [1] }]);
    expect(errors).toHaveLength(100_000);
    expect(errors[0].line).toBe(2);
    expect(errors[99_999].line).toBe(100_001);
    const described = describeCsvErrors(errors);
    expect(described.match(/line \d+:/g)).toHaveLength(10);
    expect(described).toMatch(/; and 99,990 more bad rows$/);
  });

  it('numbers lines by where a row starts, across CRLF, CR and quoted line breaks', () => {
    const text = 'x,y,class\r\n"0,5",1,1\r\n\r\n"a\nb",1,1\r\n1,1,9\r\n';
    const { errors } = parseCsv(text, sigmoid);
    expect(errors.map((e) => e.line)).toEqual([2, 4, 6]);
    expect(parseCsv('1,1,1\r2,2,7\r', sigmoid).errors).toEqual([{ line: 2, message: "class must be 0 or 1 (−1 also means the low class), found '7' (for values, name the column “value” in a header row)" }]);
    expect(parseCsv('1,1,1\n"open,1,1\n', sigmoid).errors[0]).toEqual({ line: 2, message: 'a quoted value is not closed' });
  });

  it('reports progress through a long file', () => {
    const seen: number[] = [];
    parseCsv(Array.from({ length: 50_000 }, (_, i) => `${i},0,1`).join('\n'), sigmoid, { onProgress: (f) => seen.push(f) });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeGreaterThan(0.3);
    expect(seen[1]).toBeLessThan(1);
    expect(seen[1]).toBeGreaterThan(seen[0]);
  });

  it('writes a header and class 0/1 whatever the targets, and reads back the same points exactly', () => {
    const examples = [
      { x: [0.1 + 0.2, -1 / 3], y: [-1] },
      { x: [5e-324, 1e300], y: [1] },
    ];
    const text = formatCsv(examples, tanh);
    expect(text.split('\n')[0]).toBe('x,y,class');
    expect(text.split('\n')[1]).toBe('0.30000000000000004,-0.3333333333333333,0');
    expect(parseCsv(text, tanh).examples).toEqual(examples);
  });

  it('summarises errors for a notice, the first ten then a count', () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({ line: i + 1, message: 'bad' }));
    expect(describeCsvErrors(errors)).toBe(`${errors.slice(0, 10).map((e) => `line ${e.line}: bad`).join('; ')}; and 2 more bad rows`);
    expect(describeCsvErrors(errors.slice(0, 11))).toMatch(/; and 1 more bad row$/);
    expect(describeCsvErrors(errors.slice(0, 3))).toBe('line 1: bad; line 2: bad; line 3: bad');
  });
});
