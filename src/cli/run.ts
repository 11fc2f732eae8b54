// Dispatch: parse the command line, run the command, turn every failure into `error: …` and an exit code.

import { GraphFileError, describeIssue } from '../engine';
import { parseArgs } from './args';
import { CliError, UsageError } from './errors';
import type { Output } from './io';
import { USAGE } from './usage';
import { checkCommand } from './commands/check';
import { traceCommand } from './commands/trace';
import { trainCommand } from './commands/train';
import { gradcheckCommand } from './commands/gradcheck';

const COMMANDS = { check: checkCommand, trace: traceCommand, train: trainCommand, gradcheck: gradcheckCommand };

/** the exit code: 0 ok, 1 failed, 2 usage */
export function run(argv: readonly string[], io: Output): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    return COMMANDS[args.command](args, io);
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: Output): number {
  if (err instanceof UsageError) {
    io.err(`error: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (err instanceof CliError) {
    io.err([`error: ${err.message}`, ...err.details].join('\n') + '\n');
    return err.exitCode;
  }
  if (err instanceof GraphFileError) {
    io.err(err.issues.map((i, k) => (k === 0 ? 'error: ' : '  also: ') + describeIssue(i)).join('\n') + '\n');
    return 1;
  }
  io.err(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}
