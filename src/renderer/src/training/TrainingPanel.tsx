import { TrainingButtons } from './TrainingButtons';
import { Readouts } from './Readouts';
import { TrainingSettingsForm } from './TrainingSettings';
import './training.css';
import { Panel } from '../panels/Panel';

// Training: settings, the run controls, and the readouts. The work happens in a Web Worker.
export function TrainingPanel() {
  return (
    <Panel id="training" title="Training" className="train-panel">
      <TrainingButtons />
      <Readouts />
      <TrainingSettingsForm />
    </Panel>
  );
}
