import type { CommandId } from '../../../shared/commands';
import type { TrainingController } from './controller';

// training.* commands: the panel's buttons, the menus and shortcuts all run these.
export function trainingCommands(controller: TrainingController): [CommandId, () => void][] {
  return [
    ['training.playPause', controller.playPause],
    ['training.step', controller.stepExample],
    ['training.epoch', controller.stepEpoch],
    ['training.reset', controller.resetWeights],
  ];
}
