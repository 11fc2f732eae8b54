import { describe, expect, it } from 'vitest';
import { exact, readable, readableTuple } from '../../../src/renderer/src/format/number';
import { texNumber } from '../../../src/renderer/src/formula/texNumber';
import { compact } from '../../../src/renderer/src/canvas/format';
import { short } from '../../../src/renderer/src/training/format';

describe('the one number format', () => {
  it('hides float noise from the reader', () => {
    expect(readableTuple([0.3999999999999999, 0.09999999999999998])).toBe('(0.4, 0.1)');
    expect(readable(-0.6389774000000001)).toBe('-0.639');
    expect(readable(0.1 + 0.2)).toBe('0.3');
    expect(texNumber(-0.6389774000000001)).toBe('-0.639');
  });

  it('writes the very small and the large with an exponent, and says what is not a number', () => {
    expect(readable(1.5e-7)).toBe('1.5e-7');
    expect(readable(3.1e13)).toBe('3.1e13');
    expect(readable(99999.7)).toBe('1e5');
    expect(texNumber(1.5e-7)).toBe('1.5 \\times 10^{-7}');
    expect(readable(0)).toBe('0');
    expect(readable(Number.NaN)).toBe('NaN');
    expect(readable(-Infinity)).toBe('-∞');
  });

  it('keeps the full float64 for hover and copy', () => {
    expect(Number(exact(0.1 + 0.2))).toBe(0.1 + 0.2);
  });

  it('is the one the canvas, the readouts and the formulas use', () => {
    for (const v of [0.123456, -2.5e-5, 14.000000000000002]) {
      expect(compact(v)).toBe(readable(v, 3));
      expect(short(v)).toBe(readable(v));
      expect(texNumber(v)).toBe(readable(v).replace(/e(-?\d+)$/, ' \\times 10^{$1}'));
    }
  });

  it('is not bypassed: no component rounds numbers for display on its own', () => {
    const sources = import.meta.glob(['../../../src/renderer/src/**/*.tsx', '../../../src/renderer/src/formula/tex*.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders = Object.keys(sources).filter((p) => /\.to(Precision|Exponential)\(/.test(sources[p]));
    expect(offenders).toEqual([]);
  });
});
