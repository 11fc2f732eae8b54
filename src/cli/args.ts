// Command-line parsing: a command, one FILE, and the flags that command accepts.

import { UsageError } from './errors';

export type Command = 'check' | 'trace' | 'train' | 'gradcheck';

export interface ParsedArgs {
  command: Command | 'help';
  file: string;
  example?: number;
  epochs?: number;
  out?: string;
  json: boolean;
}

const VALUE_FLAGS = new Set(['example', 'epochs', 'out']);
const ALLOWED: Record<Command, ReadonlySet<string>> = {
  check: new Set([]),
  trace: new Set(['example', 'json']),
  train: new Set(['epochs', 'out', 'json']),
  gradcheck: new Set(['example', 'json']),
};

function isCommand(word: string): word is Command {
  return Object.hasOwn(ALLOWED, word);
}

/** a whole number ≥ 0 given to `--name` */
function count(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} needs a whole number ≥ 0, got '${text}'`);
  return Number(text);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help', file: '', json: false };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    if (!ALLOWED[command].has(name)) throw new UsageError(`${command} does not take --${name}`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (!VALUE_FLAGS.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (eq !== -1) flags.set(name, word.slice(eq + 1));
    else if (i + 1 < rest.length) flags.set(name, rest[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  if (positional.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (positional.length > 1) throw new UsageError(`${command} takes one FILE, got ${positional.length}: ${positional.join(' ')}`);
  const value = (name: string) => flags.get(name) as string | undefined;
  const parsed: ParsedArgs = { command, file: positional[0], json: flags.get('json') === true };
  if (value('example') !== undefined) parsed.example = count('example', value('example')!);
  if (value('epochs') !== undefined) parsed.epochs = count('epochs', value('epochs')!);
  if (value('out') !== undefined) parsed.out = value('out');
  if (command === 'trace' && parsed.example === undefined) throw new UsageError('trace needs --example I');
  if (command === 'train' && parsed.epochs === undefined) throw new UsageError('train needs --epochs N');
  return parsed;
}
