// Where a command's output goes (stdout/stderr in the real process, arrays in tests), and what
// else a command may use from its process: Ctrl+C as an AbortSignal, stderr for a progress bar.

import type { ProgressStream } from './training/progress';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface Context {
  io: Output;
  /** aborted by Ctrl+C: a long command stops cleanly */
  signal: AbortSignal;
  /** where a progress bar may be drawn (stderr; shown only when it is a terminal) */
  progress: ProgressStream;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
