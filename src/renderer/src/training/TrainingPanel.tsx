import { TrainingSettingsForm } from './TrainingSettings';
import './training.css';
import { Panel } from '../panels/Panel';

// Training's settings (η, mode, shuffle, seed); the run controls and readouts are in the strip
// above the canvas (panels/ControlStrip.tsx). The work happens in a Web Worker.
export function TrainingPanel() {
  return (
    <Panel id="training" title="Training" label="Training settings" className="train-panel">
      <TrainingSettingsForm />
    </Panel>
  );
}
