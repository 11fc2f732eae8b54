import { registerCommand } from '../commands';
import { playPause, resetWeights, stepEpoch, stepExample } from './controller';

// training.* commands: the panel's buttons, the menus and shortcuts all run these.
export function registerTrainingCommands(): () => void {
  const offs = [
    registerCommand('training.playPause', playPause),
    registerCommand('training.step', stepExample),
    registerCommand('training.epoch', stepEpoch),
    registerCommand('training.reset', resetWeights),
  ];
  return () => offs.forEach((off) => off());
}
