// Builds the command line to one plain-JavaScript file, out/cli/backprop.mjs (the package's `backprop`
// bin), so a call starts in milliseconds instead of compiling TypeScript first.
// `--if-stale`: build only when a source under src/cli or src/engine is newer than the output.
import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUTPUT = join(ROOT, 'out/cli/backprop.mjs');
const SOURCES = ['src/cli', 'src/engine'].map((d) => join(ROOT, d));

/** newest modification time (ms) of any file under `dir` */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

export function isStale() {
  if (!existsSync(CLI_OUTPUT)) return true;
  const built = statSync(CLI_OUTPUT).mtimeMs;
  return SOURCES.some((dir) => newest(dir) > built) || statSync(fileURLToPath(import.meta.url)).mtimeMs > built;
}

export async function buildCli() {
  // written beside the output, then renamed: parallel builds (test files) never see half a file
  const temp = `${CLI_OUTPUT}.${process.pid}.${Date.now()}.tmp`;
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minifySyntax: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    external: ['@resvg/resvg-js'], // a native binary, loaded only by `render --png`
    logLevel: 'warning',
  });
  chmodSync(temp, 0o755);
  renameSync(temp, CLI_OUTPUT);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildCli();
}
