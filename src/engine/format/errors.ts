// Typed problems found in a graph file or an in-memory document, each with the JSON path where it is.

export type GraphIssueCode =
  | 'too-large'
  | 'syntax'
  | 'not-object'
  | 'format'
  | 'version'
  | 'schema'
  | 'forbidden-key'
  | 'non-finite'
  | 'duplicate-id'
  | 'dangling-edge'
  | 'self-loop'
  | 'duplicate-edge'
  | 'edge-into-source'
  | 'cycle'
  | 'output-index'
  | 'feature-index'
  | 'dataset-shape'
  | 'derived-input'
  | 'softmax'
  | 'loss'
  | 'targets'
  | 'classes'
  | 'ablation'
  | 'duplicate-key'
  | 'too-deep';

export type IssuePath = (string | number)[];

export interface GraphIssue {
  code: GraphIssueCode;
  /** JSON path of the offending value, e.g. ['edges', 3, 'weight']; [] for the whole file */
  path: IssuePath;
  /** reads like a person: "edge 'e7' points to node 'ghost', which does not exist" */
  message: string;
}

/** `edges[3].weight`; '' for the root */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** the issue's message prefixed by its path when it has one: "edges[3].weight: must be a finite number" */
export function describeIssue(issue: GraphIssue): string {
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

export function issue(code: GraphIssueCode, path: IssuePath, message: string): GraphIssue {
  return { code, path, message };
}

export class GraphFileError extends Error {
  readonly issues: GraphIssue[];

  /** `new GraphFileError(issues)` or `new GraphFileError(code, path, message)` */
  constructor(issuesOrCode: GraphIssue[] | GraphIssueCode, path: IssuePath = [], message?: string) {
    const issues =
      typeof issuesOrCode === 'string'
        ? [issue(issuesOrCode, path, message ?? issuesOrCode)]
        : issuesOrCode.length > 0
          ? issuesOrCode
          : [issue('schema', [], 'invalid graph')];
    super(describeIssue(issues[0]));
    this.name = 'GraphFileError';
    this.issues = issues;
  }

  /** code of the first issue */
  get code(): GraphIssueCode {
    return this.issues[0].code;
  }
}
