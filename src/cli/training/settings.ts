// The file's training settings with the command line's overrides applied, and --reset.

import { initWeights, type GraphDoc } from '../../engine';
import type { TrainingOverrides } from '../args';

/** overrides replace the file's settings; --reset re-draws every weight from the seed and starts again at epoch 0 */
export function applyOverrides(doc: GraphDoc, overrides: TrainingOverrides, reset: boolean): GraphDoc {
  const training = { ...doc.training, ...overrides };
  const withSettings = { ...doc, training: reset ? { ...training, epoch: 0 } : training };
  return reset ? initWeights(withSettings, training.seed) : withSettings;
}
