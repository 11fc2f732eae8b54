// Version table: MIGRATIONS[v] turns a parsed version-v file into the current version's shape.
// A reader refuses any version not in this table, naming it.

import { CURRENT_VERSION } from './types';
import { issue, type GraphIssue } from './errors';

type RawFile = Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, (file: RawFile) => RawFile>> = {
  1: (file) => file,
};

export const SUPPORTED_VERSIONS: readonly number[] = Object.keys(MIGRATIONS).map(Number);

function describeVersion(version: unknown): string {
  return typeof version === 'string' ? `"${version}" (a string, not a number)` : JSON.stringify(version);
}

/** the file brought to the current version, or the issue explaining why its version is refused */
export function migrate(file: RawFile): { ok: true; file: RawFile } | { ok: false; issue: GraphIssue } {
  const version = file.version;
  const supported = SUPPORTED_VERSIONS.join(', ');
  if (version === undefined) {
    return { ok: false, issue: issue('version', ['version'], `the file has no "version"; this app reads version ${supported}`) };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_VERSION) {
    return {
      ok: false,
      issue: issue(
        'version',
        ['version'],
        `version ${version} is newer than this app understands (it reads version ${supported}); update Backprop Studio`,
      ),
    };
  }
  if (typeof version !== 'number' || !Object.hasOwn(MIGRATIONS, version)) {
    return {
      ok: false,
      issue: issue('version', ['version'], `unsupported version ${describeVersion(version)}; this app reads version ${supported}`),
    };
  }
  return { ok: true, file: { ...MIGRATIONS[version](file), version: CURRENT_VERSION } };
}
