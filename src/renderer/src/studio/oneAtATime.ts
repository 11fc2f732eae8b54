import type { Notices } from '../store/notices';
import type { TrainingStore } from '../training/store';

// Training and the step-through never run at once: training moves the weights under a frozen
// step card. Stepping pauses training (and says so); training starting ends stepping.

export interface OneAtATimeDeps {
  training: TrainingStore;
  pauseTraining: () => void;
  stopStepping: () => void;
  notices: Pick<Notices, 'notify'>;
}

export const PAUSED_FOR_STEPPING = 'Training paused: the step-through shows one example at a time.';

/** what the stepper calls as it begins */
export function pauseForStepping({ training, pauseTraining, notices }: Omit<OneAtATimeDeps, 'stopStepping'>): void {
  if (!training.getState().running) return;
  pauseTraining();
  notices.notify(PAUSED_FOR_STEPPING, 'info');
}

/** ends stepping whenever training starts; returns the unsubscribe */
export function stopSteppingOnPlay({ training, stopStepping }: Pick<OneAtATimeDeps, 'training' | 'stopStepping'>): () => void {
  return training.subscribe((s, prev) => {
    if (s.running && !prev.running) stopStepping();
  });
}
