import { describe, expect, it } from 'vitest';
import { describeCsvErrors, formatCsv, parseCsv } from '../../../src/renderer/src/data/csv';

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

  it('ignores a BOM, blank lines and # comments; accepts ; and tab separators', () => {
    const { examples, errors } = parseCsv('\uFEFF# points\n\n1;2;1\n3\t4\t0\n', sigmoid);
    expect(errors).toEqual([]);
    expect(examples.map((e) => e.x)).toEqual([
      [1, 2],
      [3, 4],
    ]);
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

  it('summarises errors for a notice, the first few then a count', () => {
    const errors = [1, 2, 3, 4, 5].map((line) => ({ line, message: 'bad' }));
    expect(describeCsvErrors(errors)).toBe('line 1: bad; line 2: bad; line 3: bad; and 2 more bad rows');
  });
});
