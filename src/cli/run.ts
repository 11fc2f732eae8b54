// Dispatch: parse the command line, run the command, turn every failure into `error: …` and an exit code.

import { parseArgs, type Command, type ParsedArgs } from './args';
import { describeFailure, UsageError } from './errors';
import type { Context } from './io';
import { USAGE } from './usage';
import { checkCommand } from './commands/check';
import { traceCommand } from './commands/trace';
import { trainCommand } from './commands/train';
import { gradcheckCommand } from './commands/gradcheck';
import { renderCommand } from './commands/render';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';

const COMMANDS: Record<Command, (args: ParsedArgs, ctx: Context) => Promise<number>> = {
  check: checkCommand,
  trace: traceCommand,
  train: trainCommand,
  gradcheck: gradcheckCommand,
  render: renderCommand,
  export: exportCommand,
  import: importCommand,
};

/** the exit code: 0 ok, 1 failed, 2 usage, 130 interrupted */
export async function run(argv: readonly string[], ctx: Context): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      ctx.io.out(USAGE);
      return 0;
    }
    return await COMMANDS[args.command](args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.io.err(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    const failure = describeFailure(err);
    ctx.io.err(failure.text);
    return failure.exitCode;
  }
}
