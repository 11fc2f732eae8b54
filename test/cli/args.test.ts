import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { num, table } from '../../src/cli/format';

describe('parseArgs', () => {
  it('reads a command, its files and its flags in either spelling', () => {
    expect(parseArgs(['trace', 'f.json', '--example', '3', '--json'])).toMatchObject({ command: 'trace', files: ['f.json'], example: 3, json: true });
    expect(parseArgs(['train', '--epochs=10', 'f.json', '--out', 'o.json'])).toMatchObject({ command: 'train', files: ['f.json'], epochs: 10, out: 'o.json', json: false });
    expect(parseArgs(['check', 'a', 'b', 'c']).files).toEqual(['a', 'b', 'c']);
    expect(parseArgs(['check', 'x', '--help']).command).toBe('help');
  });

  it('reads every training override', () => {
    const p = parseArgs(['train', 'a', 'b', '--epochs', '3', '--eta=0.25', '--mode', 'batch', '--shuffle', '--seed=-7', '--reset', '--out-dir', 'd']);
    expect(p).toMatchObject({ files: ['a', 'b'], outDir: 'd', reset: true, overrides: { learningRate: 0.25, mode: 'batch', shuffle: true, seed: -7 } });
    expect(parseArgs(['train', 'a', '--epochs', '1', '--no-shuffle']).overrides).toEqual({ shuffle: false });
    expect(parseArgs(['train', 'a', '--epochs', '1']).overrides).toEqual({});
  });

  it('reads the version-2 training flags', () => {
    const p = parseArgs(['train', 'a', '--epochs', '1', '--mode', 'minibatch', '--batch-size', '8', '--loss', 'crossEntropy', '--l2', '0.001', '--momentum', '0.9']);
    expect(p.overrides).toEqual({ mode: 'minibatch', batchSize: 8, loss: 'crossEntropy', regularization: { kind: 'L2', rate: 0.001 }, momentum: 0.9 });
    expect(parseArgs(['train', 'a', '--epochs', '1', '--l1', '0']).overrides).toEqual({ regularization: { kind: 'L1', rate: 0 } });
    expect(parseArgs(['train', 'a', '--epochs', '1', '--no-reg']).overrides).toEqual({ regularization: { kind: 'none', rate: 0 } });
    expect(parseArgs(['train', 'a', '--epochs', '1', '--batch-size', '4']).overrides).toEqual({ batchSize: 4 });
  });

  it('refuses version-2 flags out of range or contradicting each other', () => {
    const bad: [string[], RegExp][] = [
      [['--batch-size', '0'], /--batch-size needs a whole number ≥ 1, got '0'/],
      [['--batch-size', '2', '--mode', 'batch'], /--batch-size sets the mini-batch size, but --mode is batch/],
      [['--loss', 'hinge'], /--loss is squared or crossEntropy, got 'hinge'/],
      [['--l1=-1'], /--l1 needs a rate λ ≥ 0, got '-1'/],
      [['--l1', '0.1', '--l2', '0.1'], /--l1 and --l2 contradict each other/],
      [['--l2', '0.1', '--no-reg'], /--l2 and --no-reg contradict each other/],
      [['--momentum', '1'], /--momentum needs β with 0 ≤ β < 1, got '1'/],
      [['--mode', 'online'], /--mode is sequential, minibatch or batch/],
    ];
    for (const [flags, message] of bad) expect(() => parseArgs(['train', 'a', '--epochs', '1', ...flags]), flags.join(' ')).toThrow(message);
    expect(() => parseArgs(['check', 'a', '--momentum', '0.5'])).toThrow(/check does not take --momentum/);
  });

  it('reads render, export and import', () => {
    expect(parseArgs(['render', 'a', '--png', 'a.png', '--map'])).toMatchObject({ png: 'a.png', map: true });
    expect(parseArgs(['export', 'a', '--to', 'notebook'])).toMatchObject({ to: 'notebook' });
    expect(parseArgs(['import', 'm.json', '--out', 'g.json'])).toMatchObject({ files: ['m.json'], out: 'g.json' });
  });

  it('refuses what a command does not take, naming the problem', () => {
    const bad: [string[], RegExp][] = [
      [['check'], /check needs a FILE/],
      [['trace', 'a', 'b', '--example', '1'], /trace takes one FILE, got 2/],
      [['check', 'a', '--example', '1'], /check does not take --example/],
      [['trace', 'a'], /trace needs --example I/],
      [['trace', 'a', '--example', '-1'], /--example/],
      [['trace', 'a', '--example', '1.5'], /--example needs a whole number/],
      [['trace', 'a', '--example'], /--example needs a value/],
      [['train', 'a'], /train needs --epochs N/],
      [['train', 'a', '--epochs', '2', '--epochs', '3'], /--epochs given twice/],
      [['train', 'a', '--epochs', '2', '--json=yes'], /--json/],
      [['train', 'a', '--epochs', '2', '--eta', '0'], /--eta needs a number > 0, got '0'/],
      [['train', 'a', '--epochs', '2', '--eta', 'fast'], /--eta needs a number > 0/],
      [['train', 'a', '--epochs', '2', '--mode', 'online'], /--mode is sequential, minibatch or batch, got 'online'/],
      [['train', 'a', '--epochs', '2', '--seed', '1.5'], /--seed needs a whole number/],
      [['train', 'a', '--epochs', '2', '--seed', '-7'], /--seed needs a value; one starting with '-' is written --seed=-…/],
      [['train', 'a', '--epochs', '2', '--shuffle', '--no-shuffle'], /contradict/],
      [['train', 'a', 'b', '--epochs', '2', '--out', 'o'], /use --out-dir DIR/],
      [['train', 'a', '--epochs', '2', '--out', 'o', '--out-dir', 'd'], /not both/],
      [['train', 'a', 'b', '--epochs', '2', '--log', 'l.csv'], /--log writes one file's epochs/],
      [['train', 'a', '--epochs', '2', '--batch-sise', '8'], /train does not take --batch-sise/],
      [['render', 'a'], /render needs one of --svg OUT or --png OUT/],
      [['render', 'a', '--svg', 'a', '--png', 'b'], /render needs one of/],
      [['export', 'a'], /export needs --to pytorch\|numpy\|notebook/],
      [['export', 'a', '--to', 'keras'], /--to is one of pytorch, numpy, notebook, got 'keras'/],
      [['import', 'a'], /import needs --out/],
      [['gradcheck', 'a', '--out', 'b'], /gradcheck does not take --out/],
      [['nope', 'a'], /unknown command 'nope'/],
    ];
    for (const [args, message] of bad) {
      expect(() => parseArgs(args), args.join(' ')).toThrow(UsageError);
      expect(() => parseArgs(args), args.join(' ')).toThrow(message);
    }
  });
});

describe('format', () => {
  it('prints numbers compactly and tables aligned', () => {
    expect([num(0), num(-0), num(0.1234567), num(1e-7), num(2e6), num(NaN)]).toEqual(['0', '0', '0.123457', '1.0000e-7', '2.0000e+6', 'NaN']);
    expect(table(['a', 'b'], [['x', '1'], ['yy', '22']])).toBe('a    b\n--  --\nx    1\nyy  22\n');
  });
});
