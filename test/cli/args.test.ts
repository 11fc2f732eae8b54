import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { num, table } from '../../src/cli/format';

describe('parseArgs', () => {
  it('reads a command, a file and its flags in either spelling', () => {
    expect(parseArgs(['trace', 'f.json', '--example', '3', '--json'])).toEqual({ command: 'trace', file: 'f.json', example: 3, json: true });
    expect(parseArgs(['train', '--epochs=10', 'f.json', '--out', 'o.json'])).toEqual({
      command: 'train',
      file: 'f.json',
      epochs: 10,
      out: 'o.json',
      json: false,
    });
    expect(parseArgs(['check', 'x', '--help']).command).toBe('help');
  });

  it('refuses what a command does not take', () => {
    const bad = [
      ['check'],
      ['check', 'a', 'b'],
      ['check', 'a', '--example', '1'],
      ['trace', 'a'],
      ['trace', 'a', '--example', '-1'],
      ['trace', 'a', '--example', '1.5'],
      ['trace', 'a', '--example'],
      ['train', 'a'],
      ['train', 'a', '--epochs', '2', '--epochs', '3'],
      ['train', 'a', '--epochs', '2', '--json=yes'],
      ['gradcheck', 'a', '--out', 'b'],
      ['nope', 'a'],
    ];
    for (const args of bad) expect(() => parseArgs(args), args.join(' ')).toThrow(UsageError);
  });
});

describe('format', () => {
  it('prints numbers compactly and tables aligned', () => {
    expect([num(0), num(-0), num(0.1234567), num(1e-7), num(2e6), num(NaN)]).toEqual(['0', '0', '0.123457', '1.0000e-7', '2.0000e+6', 'NaN']);
    expect(table(['a', 'b'], [['x', '1'], ['yy', '22']])).toBe('a    b\n--  --\nx    1\nyy  22\n');
  });
});
