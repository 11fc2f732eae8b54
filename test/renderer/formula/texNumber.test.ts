import { describe, expect, it } from 'vitest';
import { texExact, texFactor, texName, texNumber } from '../../../src/renderer/src/formula/texNumber';

describe('numbers and names in TeX', () => {
  it('rounds numbers to the page’s 4 significant digits', () => {
    expect(texNumber(0.123456789)).toBe('0.1235');
    expect(texNumber(-0.0952)).toBe('-0.0952');
    expect(texNumber(0)).toBe('0');
    expect(texNumber(1.5e-7)).toBe('1.5 \\times 10^{-7}');
  });

  it('writes a factor in full float64 precision when asked', () => {
    expect(texExact(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(texExact(-1.25e-9)).toBe('-1.25 \\times 10^{-9}');
    expect(Number(texExact(Math.PI))).toBe(Math.PI);
  });

  it('puts negative factors in parentheses', () => {
    expect(texFactor(-2)).toBe('(-2)');
    expect(texFactor(2)).toBe('2');
  });

  it('escapes any node name', () => {
    expect(texName('in_x')).toBe('\\text{in\\_x}');
    expect(texName('12')).toBe('12');
    expect(texName('a{b}^c')).toBe('\\text{a\\{b\\}\\textasciicircum{}c}');
  });
});
