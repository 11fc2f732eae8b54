// Dispatch: parse the command line, run the command, turn every failure into `error: …` and an exit code.

import { parseArgs, type Command, type ParsedArgs } from './args';
import { describeFailure, UsageError } from './errors';
import type { Context } from './io';
import { USAGE } from './usage';
type CommandRunner = (args: ParsedArgs, ctx: Context) => Promise<number>;

/** each command's module, loaded when it runs (the built bin then compiles only what that command needs) */
const COMMANDS: Record<Command, () => Promise<CommandRunner>> = {
  check: async () => (await import('./commands/check')).checkCommand,
  trace: async () => (await import('./commands/trace')).traceCommand,
  train: async () => (await import('./commands/train')).trainCommand,
  gradcheck: async () => (await import('./commands/gradcheck')).gradcheckCommand,
  render: async () => (await import('./commands/render')).renderCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  import: async () => (await import('./commands/import')).importCommand,
  worksheet: async () => (await import('./commands/worksheet')).worksheetCommand,
};

/** the exit code: 0 ok, 1 failed, 2 usage, 130 interrupted */
export async function run(argv: readonly string[], ctx: Context): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      ctx.io.out(USAGE);
      return 0;
    }
    const command = await COMMANDS[args.command]();
    return await command(args, ctx);
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
