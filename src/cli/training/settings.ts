// The file's training settings with the command line's overrides applied, and --reset.

import { describeIssue, initWeights, validateGraph, type GraphDoc } from '../../engine';
import type { TrainingOverrides } from '../args';
import { CliError } from '../errors';

/** overrides replace the file's settings; --reset re-draws every weight from the seed and starts again at epoch 0 */
export function applyOverrides(doc: GraphDoc, overrides: TrainingOverrides, reset: boolean): GraphDoc {
  const training = { ...doc.training, ...overrides };
  const withSettings = { ...doc, training: reset ? { ...training, epoch: 0 } : training };
  return reset ? initWeights(withSettings, training.seed) : withSettings;
}

/**
 * The file's rules hold for the settings as overridden (e.g. --loss crossEntropy needs sigmoid or
 * softmax outputs): a broken one is refused, naming the file, the flag's setting and the rule.
 */
export function checkOverridden(file: string, doc: GraphDoc, overrides: TrainingOverrides): void {
  if (Object.keys(overrides).length === 0) return;
  const issues = validateGraph(doc);
  if (issues.length > 0) throw new CliError(`${file}: with the flags' settings the file breaks a rule: ${issues.map(describeIssue).join('; ')}`);
}
