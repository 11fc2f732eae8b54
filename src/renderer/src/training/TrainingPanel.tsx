import { useEffect } from 'react';
import { connectTraining } from './controller';
import { registerTrainingCommands } from './commands';
import { TrainingButtons } from './TrainingButtons';
import { Readouts } from './Readouts';
import { TrainingSettingsForm } from './TrainingSettings';
import './training.css';

// Training: settings, the run controls, and the readouts. The work happens in a Web Worker.
export function TrainingPanel() {
  useEffect(() => {
    connectTraining();
    return registerTrainingCommands();
  }, []);
  return (
    <section className="panel train-panel" aria-label="Training">
      <h2>Training</h2>
      <TrainingButtons />
      <Readouts />
      <TrainingSettingsForm />
    </section>
  );
}
