// Failures the command line reports as `error: <message>` with an exit code, never as a stack trace.

import { GraphFileError, describeIssue } from '../engine/format/errors'; // not the engine's index: the entry loads no zod, each command loads what it uses

/** exit 1: the input or the run failed */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** further lines printed after the message (e.g. more issues in the file) */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** exit 2: the command line itself is wrong; usage is printed */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** exit 130 (128 + SIGINT): stopped by Ctrl+C, after writing what was done */
export class InterruptedError extends CliError {
  constructor(message: string) {
    super(message, 130);
    this.name = 'InterruptedError';
  }
}

/** a GraphFileError as a CliError naming the file it is about (other errors unchanged) */
export function inFile(file: string, err: unknown): unknown {
  if (!(err instanceof GraphFileError)) return err;
  const [first, ...more] = err.issues;
  return new CliError(`${file}: ${describeIssue(first)}`, 1, more.map((i) => `  also: ${describeIssue(i)}`));
}

/** the lines printed for a failure (without usage) and the exit code */
export function describeFailure(err: unknown): { text: string; exitCode: number } {
  if (err instanceof CliError) return { text: [`error: ${err.message}`, ...err.details].join('\n') + '\n', exitCode: err.exitCode };
  if (err instanceof GraphFileError) {
    return { text: err.issues.map((i, k) => (k === 0 ? 'error: ' : '  also: ') + describeIssue(i)).join('\n') + '\n', exitCode: 1 };
  }
  return { text: `error: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
}
