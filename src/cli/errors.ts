// Failures the command line reports as `error: <message>` with an exit code, never as a stack trace.

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
