import type { GraphDoc, Loss } from '../../../engine/format/types';
import { optionIssues } from '../../../engine/format/validateOptions';

// Which loss a document can train with, by the spec's rules (docs/graph-format.md, "Graph
// rules"): cross-entropy needs a classification whose one output is sigmoid (targets 0…1) or
// whose outputs are all softmax (targets adding up to 1); softmax outputs need cross-entropy.
// The engine's own rule check decides, so the settings say exactly what opening the file would.

const LOSS_CODES: ReadonlySet<string> = new Set(['loss', 'targets', 'softmax']);

/** why `doc` cannot train with `loss` (the first rule it would break), or null */
export function lossProblem(doc: GraphDoc, loss: Loss): string | null {
  const issues = optionIssues({ ...doc, training: { ...doc.training, loss } });
  return issues.find((i) => LOSS_CODES.has(i.code))?.message ?? null;
}
