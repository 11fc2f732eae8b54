// Builds the command line to plain JavaScript, out/cli/backprop.mjs (the package's `backprop` bin)
// and its chunks, so a call starts in milliseconds instead of compiling TypeScript first.
// `--if-stale`: build only when a source under src/cli or src/engine is newer than the output.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * zod re-exports ~40 locales (a third of the bundle) that only z.locales.* would use; the engine
 * uses zod's English messages (the default), so the bin carries only those: less to compile at start-up
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(args.resolveDir, '../locales/en.js'), namespace: 'zod-en' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: ROOT }));
  },
};

/** temp file in the same folder, then rename: a parallel build (another test file) never sees half a file */
function writeAtomic(file, contents, mode) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, contents, { mode });
  renameSync(temp, file);
}

/**
 * The entry (out/cli/backprop.mjs) plus chunks named by their content's hash, each command loaded
 * when it runs: `check` compiles only what it needs. Chunks are written first, the entry last.
 */
export async function buildCli() {
  const result = await build({
    entryPoints: [{ in: join(ROOT, 'src/cli/main.ts'), out: 'backprop' }],
    outdir: dirname(CLI_OUTPUT),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    external: ['@resvg/resvg-js'], // a native binary, loaded only by `render --png`
    plugins: [englishZodOnly],
    logLevel: 'warning',
  });
  const entry = result.outputFiles.find((f) => f.path === CLI_OUTPUT);
  for (const f of result.outputFiles) if (f !== entry) writeAtomic(f.path, f.contents, 0o644);
  writeAtomic(entry.path, entry.contents, 0o755);
  removeOldChunks(new Set(result.outputFiles.map((f) => f.path)));
}

/** chunks of earlier builds, once no process can still be starting from them */
function removeOldChunks(current) {
  const dir = join(dirname(CLI_OUTPUT), 'chunks');
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!current.has(file) && Date.now() - statSync(file).mtimeMs > 60_000) rmSync(file, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildCli();
}
