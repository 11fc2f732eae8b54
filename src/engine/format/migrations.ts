// The file format's versions as one named sequence (after tldraw's store/migrate.ts): the step
// `{ to: v, name, up }` turns a version v−1 file into version v. A sequence checks itself when it
// is built (versions contiguous from the first, every step named once), so a broken table fails
// at start-up and in the tests, not on a user's file.
//
// Adding version N: append `{ to: N, name, up }` to MIGRATIONS, change the schema in types.ts to
// version N's shape, and add the step's fixture pair to test/fixtures/migrations (see there).

import { issue, type GraphIssue } from './errors';
import { playgroundOptions } from './v2';
import { lessons } from './v3';

export type { Migration, RawFile } from './migration';
import type { Migration, RawFile } from './migration';

export interface MigrationSequence {
  /** the oldest version a reader accepts */
  readonly firstVersion: number;
  /** the version every file is brought to: the last step's `to`, or firstVersion without steps */
  readonly currentVersion: number;
  readonly migrations: readonly Migration[];
}

export class MigrationSequenceError extends Error {
  constructor(message: string) {
    super(`invalid migration sequence: ${message}`);
    this.name = 'MigrationSequenceError';
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** the sequence, after checking it: throws MigrationSequenceError naming the first broken step */
export function createMigrationSequence(firstVersion: number, migrations: readonly Migration[]): MigrationSequence {
  if (!Number.isInteger(firstVersion) || firstVersion < 1)
    throw new MigrationSequenceError(`the first version must be a whole number ≥ 1, got ${firstVersion}`);
  const names = new Set<string>();
  migrations.forEach((step, i) => {
    const expected = firstVersion + i + 1;
    if (step.to !== expected)
      throw new MigrationSequenceError(`step ${i} ("${step.name}") goes to version ${step.to}; versions must run on without a gap, expected ${expected}`);
    if (!SLUG.test(step.name))
      throw new MigrationSequenceError(`the step to version ${step.to} needs a name in lower-case-with-dashes, got ${JSON.stringify(step.name)}`);
    if (names.has(step.name)) throw new MigrationSequenceError(`two steps are named "${step.name}"`);
    names.add(step.name);
  });
  return { firstVersion, currentVersion: firstVersion + migrations.length, migrations };
}

/** the graph file's versions; new versions are appended at the end only */
export const MIGRATIONS: MigrationSequence = createMigrationSequence(1, [playgroundOptions, lessons]);

export const CURRENT_VERSION = MIGRATIONS.currentVersion;

/** every version `sequence` reads, oldest first */
export function supportedVersions(sequence: MigrationSequence): number[] {
  return Array.from({ length: sequence.currentVersion - sequence.firstVersion + 1 }, (_, i) => sequence.firstVersion + i);
}

export const SUPPORTED_VERSIONS: readonly number[] = supportedVersions(MIGRATIONS);

export type MigrateResult = { ok: true; file: RawFile } | { ok: false; issue: GraphIssue };

/** the file brought to the sequence's current version, or the issue explaining why it cannot be */
export function migrate(file: RawFile, sequence: MigrationSequence = MIGRATIONS): MigrateResult {
  const read = readVersion(file.version, sequence);
  if (!read.ok) return { ok: false, issue: issue('version', ['version'], read.message) };
  let current = file;
  for (const step of sequence.migrations.slice(read.version - sequence.firstVersion)) {
    try {
      current = { ...step.up(current), version: step.to };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        issue: issue('version', [], `could not bring the file from version ${step.to - 1} to ${step.to} (step "${step.name}"): ${why}`),
      };
    }
  }
  return { ok: true, file: current };
}

/** the file's version when the sequence reads it, else why not */
function readVersion(version: unknown, sequence: MigrationSequence): { ok: true; version: number } | { ok: false; message: string } {
  const supported = supportedVersions(sequence).join(', ');
  if (version === undefined) return { ok: false, message: `the file has no "version"; this app reads version ${supported}` };
  if (typeof version === 'number' && Number.isInteger(version) && version >= sequence.firstVersion) {
    if (version <= sequence.currentVersion) return { ok: true, version };
    return {
      ok: false,
      message: `version ${version} is newer than this app understands (it reads version ${supported}); update Backprop Studio`,
    };
  }
  return { ok: false, message: `unsupported version ${describeVersion(version)}; this app reads version ${supported}` };
}

function describeVersion(version: unknown): string {
  return typeof version === 'string' ? `"${version}" (a string, not a number)` : JSON.stringify(version);
}
