// Entry point of the `backprop` bin (out/cli/backprop.mjs, built by scripts/build-cli.mjs).
// The first Ctrl+C asks the running command to stop cleanly; a second one ends the process at once.

import { run } from './run';
import { processOutput } from './io';

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await run(process.argv.slice(2), { io: processOutput, signal: interrupt.signal, progress: process.stderr });
