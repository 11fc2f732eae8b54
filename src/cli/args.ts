// Command-line parsing (node:util's parseArgs): a command, its FILEs, and the flags that command accepts.

import { parseArgs as parseFlags } from 'node:util';
import type { Loss, Regularization, TrainingMode } from '../engine';
import { UsageError } from './errors';

export type Command = 'check' | 'trace' | 'train' | 'gradcheck' | 'render' | 'export' | 'import' | 'worksheet';
export type ExportTarget = 'pytorch' | 'numpy' | 'notebook';
export const EXPORT_TARGETS: readonly ExportTarget[] = ['pytorch', 'numpy', 'notebook'];

/** the training settings a flag replaces (absent: the file's own) */
export interface TrainingOverrides {
  learningRate?: number;
  mode?: TrainingMode;
  shuffle?: boolean;
  seed?: number;
  batchSize?: number;
  loss?: Loss;
  regularization?: Pick<Regularization, 'kind' | 'rate'>;
  momentum?: number;
}

export interface ParsedArgs {
  command: Command | 'help';
  files: string[];
  example?: number;
  epochs?: number;
  out?: string;
  outDir?: string;
  json: boolean;
  overrides: TrainingOverrides;
  /** re-initialise every weight from the (possibly overridden) seed before training */
  reset: boolean;
  log?: string;
  svg?: string;
  png?: string;
  map: boolean;
  to?: ExportTarget;
  /** worksheet: which quantities are blank (forward, backward, update, all, none or a list) */
  blank?: string;
}

const OPTIONS = {
  example: { type: 'string' },
  epochs: { type: 'string' },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  json: { type: 'boolean' },
  eta: { type: 'string' },
  mode: { type: 'string' },
  shuffle: { type: 'boolean' },
  'no-shuffle': { type: 'boolean' },
  seed: { type: 'string' },
  'batch-size': { type: 'string' },
  loss: { type: 'string' },
  l1: { type: 'string' },
  l2: { type: 'string' },
  'no-reg': { type: 'boolean' },
  momentum: { type: 'string' },
  reset: { type: 'boolean' },
  log: { type: 'string' },
  svg: { type: 'string' },
  png: { type: 'string' },
  map: { type: 'boolean' },
  to: { type: 'string' },
  blank: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Flag = keyof typeof OPTIONS;

interface CommandSpec {
  /** several FILEs (one summary line each) or exactly one */
  many: boolean;
  flags: readonly Flag[];
}

const TRAIN_FLAGS: readonly Flag[] = [
  'epochs', 'out', 'out-dir', 'json', 'eta', 'mode', 'shuffle', 'no-shuffle', 'seed', 'reset', 'log',
  'batch-size', 'loss', 'l1', 'l2', 'no-reg', 'momentum',
];
const SPECS: Record<Command, CommandSpec> = {
  check: { many: true, flags: [] },
  trace: { many: false, flags: ['example', 'json'] },
  train: { many: true, flags: TRAIN_FLAGS },
  gradcheck: { many: false, flags: ['example', 'json'] },
  render: { many: false, flags: ['svg', 'png', 'map'] },
  export: { many: false, flags: ['to', 'out'] },
  import: { many: false, flags: ['out'] },
  worksheet: { many: false, flags: ['example', 'seed', 'blank', 'out'] },
};

function isCommand(word: string): word is Command {
  return Object.hasOwn(SPECS, word);
}

/** a whole number ≥ 0 given to `--name` */
function count(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} needs a whole number ≥ 0, got '${text}'`);
  return Number(text);
}

/** η > 0, finite */
function learningRate(text: string): number {
  const eta = Number(text);
  if (text.trim() === '' || !Number.isFinite(eta) || eta <= 0) throw new UsageError(`--eta needs a number > 0, got '${text}'`);
  return eta;
}

function seed(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--seed needs a whole number, got '${text}'`);
  return value;
}

function mode(text: string): TrainingMode {
  if (text !== 'sequential' && text !== 'minibatch' && text !== 'batch') throw new UsageError(`--mode is sequential, minibatch or batch, got '${text}'`);
  return text;
}

/** b ≥ 1 examples per update */
function batchSize(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`--batch-size needs a whole number ≥ 1, got '${text}'`);
  return Number(text);
}

function loss(text: string): Loss {
  if (text !== 'squared' && text !== 'crossEntropy') throw new UsageError(`--loss is squared or crossEntropy, got '${text}'`);
  return text;
}

/** λ ≥ 0, finite, for --l1 / --l2 */
function rate(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`--${name} needs a rate λ ≥ 0, got '${text}'`);
  return value;
}

/** 0 ≤ β < 1 */
function momentum(text: string): number {
  const beta = Number(text);
  if (text.trim() === '' || !Number.isFinite(beta) || beta < 0 || beta >= 1) throw new UsageError(`--momentum needs β with 0 ≤ β < 1, got '${text}'`);
  return beta;
}

/** --l1 λ, --l2 λ or --no-reg: at most one of them */
function regularization(values: { l1?: string; l2?: string; 'no-reg'?: boolean }): Pick<Regularization, 'kind' | 'rate'> | undefined {
  const given = [values.l1 !== undefined && '--l1', values.l2 !== undefined && '--l2', values['no-reg'] === true && '--no-reg'].filter((f) => f !== false);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} contradict each other: give one`);
  if (values.l1 !== undefined) return { kind: 'L1', rate: rate('l1', values.l1) };
  if (values.l2 !== undefined) return { kind: 'L2', rate: rate('l2', values.l2) };
  return values['no-reg'] === true ? { kind: 'none', rate: 0 } : undefined;
}

function target(text: string): ExportTarget {
  if (!(EXPORT_TARGETS as readonly string[]).includes(text)) throw new UsageError(`--to is one of ${EXPORT_TARGETS.join(', ')}, got '${text}'`);
  return text as ExportTarget;
}

/** node:util's parse errors as sentences naming the command */
function readFlags(command: Command, rest: readonly string[]) {
  let parsed;
  try {
    parsed = parseFlags({ args: [...rest], options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /^Unknown option '(-?-?[^']+)'/.exec(message);
    if (unknown) throw new UsageError(`${command} does not take ${unknown[1]}`);
    const ambiguous = /^Option '--(\S+)' argument is ambiguous/.exec(message);
    if (ambiguous) throw new UsageError(`--${ambiguous[1]} needs a value; one starting with '-' is written --${ambiguous[1]}=-…`);
    throw new UsageError(message.split('\n')[0].replace(/^Option '--(\S+)(?: <value>)?' argument missing$/, '--$1 needs a value'));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (!(SPECS[command].flags as readonly string[]).includes(token.name)) throw new UsageError(`${command} does not take --${token.name}`);
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    seen.add(token.name);
  }
  return parsed;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const empty: ParsedArgs = { command: 'help', files: [], json: false, overrides: {}, reset: false, map: false };
  if (argv.includes('--help') || argv.includes('-h')) return empty;
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  const { values, positionals } = readFlags(command, rest);
  if (positionals.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (!SPECS[command].many && positionals.length > 1) {
    throw new UsageError(`${command} takes one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const parsed: ParsedArgs = { ...empty, command, files: positionals, json: values.json === true, reset: values.reset === true, map: values.map === true };
  if (values.example !== undefined) parsed.example = count('example', values.example);
  if (values.epochs !== undefined) parsed.epochs = count('epochs', values.epochs);
  if (values.eta !== undefined) parsed.overrides.learningRate = learningRate(values.eta);
  if (values.mode !== undefined) parsed.overrides.mode = mode(values.mode);
  if (values.seed !== undefined) parsed.overrides.seed = seed(values.seed);
  if (values['batch-size'] !== undefined) parsed.overrides.batchSize = batchSize(values['batch-size']);
  if (values.loss !== undefined) parsed.overrides.loss = loss(values.loss);
  const reg = regularization(values);
  if (reg !== undefined) parsed.overrides.regularization = reg;
  if (values.momentum !== undefined) parsed.overrides.momentum = momentum(values.momentum);
  if (values.shuffle && values['no-shuffle']) throw new UsageError('--shuffle and --no-shuffle contradict each other');
  if (values.shuffle) parsed.overrides.shuffle = true;
  if (values['no-shuffle']) parsed.overrides.shuffle = false;
  if (values.to !== undefined) parsed.to = target(values.to);
  if (values.blank !== undefined) parsed.blank = values.blank;
  for (const [key, flag] of [['out', 'out'], ['outDir', 'out-dir'], ['log', 'log'], ['svg', 'svg'], ['png', 'png']] as const) {
    const value = values[flag];
    if (value !== undefined) parsed[key] = value;
  }
  checkCombinations(parsed);
  return parsed;
}

/** what each command needs, and flags that exclude each other */
function checkCombinations(p: ParsedArgs): void {
  if (p.command === 'trace' && p.example === undefined) throw new UsageError('trace needs --example I');
  if (p.command === 'worksheet' && p.example === undefined) throw new UsageError('worksheet needs --example I');
  if (p.command === 'train') {
    if (p.epochs === undefined) throw new UsageError('train needs --epochs N');
    if (p.out !== undefined && p.outDir !== undefined) throw new UsageError('give --out FILE or --out-dir DIR, not both');
    if (p.files.length > 1 && p.out !== undefined) throw new UsageError(`--out names one file, but ${p.files.length} files train: use --out-dir DIR`);
    const m = p.overrides.mode;
    if (p.overrides.batchSize !== undefined && m !== undefined && m !== 'minibatch') {
      throw new UsageError(`--batch-size sets the mini-batch size, but --mode is ${m}: use --mode minibatch`);
    }
    if (p.files.length > 1 && p.log !== undefined) throw new UsageError(`--log writes one file's epochs, but ${p.files.length} files train`);
  }
  if (p.command === 'render' && (p.svg === undefined) === (p.png === undefined)) throw new UsageError('render needs one of --svg OUT or --png OUT');
  if (p.command === 'export' && p.to === undefined) throw new UsageError(`export needs --to ${EXPORT_TARGETS.join('|')}`);
  if (p.command === 'import' && p.out === undefined) throw new UsageError('import needs --out FILE.bpgraph.json');
}
