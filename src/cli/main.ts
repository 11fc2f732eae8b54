// Entry point: `npm run --silent cli -- <command> …` (tsx src/cli/main.ts).

import { run } from './run';
import { processOutput } from './io';

process.exitCode = run(process.argv.slice(2), processOutput);
