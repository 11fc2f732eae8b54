// One step of the file format's migration sequence (migrations.ts): what a step is, apart from
// the sequence, so each version's step can live in its own file (v2.ts).

/** a parsed file before the schema has looked at it */
export type RawFile = Record<string, unknown>;

export interface Migration {
  /** the version this step produces, from a file of version `to − 1` */
  readonly to: number;
  /** what changed, as a slug ('edges-carry-labels'): names the step in messages, tests and fixtures */
  readonly name: string;
  /** the file one version on; reads raw JSON, so it must cope with (or throw on) any shape */
  readonly up: (file: RawFile) => RawFile;
}
