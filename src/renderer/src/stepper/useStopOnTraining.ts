import { useEffect } from 'react';
import { useTraining } from '../training/store';
import { stopStepping } from './actions';

/** training moves the weights under the step-through's feet: stepping ends when training starts */
export function useStopOnTraining(): void {
  const running = useTraining((s) => s.running);
  useEffect(() => {
    if (running) stopStepping();
  }, [running]);
}
