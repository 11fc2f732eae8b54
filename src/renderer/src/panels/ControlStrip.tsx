import { memo } from 'react';
import { PlayButton, StepButtons } from '../training/TrainingButtons';
import { SpeedField } from '../training/SpeedField';
import { Readouts } from '../training/Readouts';
import '../training/training.css';
import { useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The strip above the canvas, as in TF Playground: Play/Pause with its speed beside it, the
// steps and Reset, the readouts, and presentation mode — what a class watches and a teacher
// presses, on screen in every layout.
export const ControlStrip = memo(function ControlStrip() {
  return (
    <section className="strip" aria-label="Training controls">
      <PlayButton />
      <SpeedField />
      <StepButtons />
      <Readouts />
      <PresentButton />
    </section>
  );
});

const PresentButton = memo(function PresentButton() {
  const studio = useStudio();
  const presenting = useView((s) => s.presenting);
  return (
    <button
      type="button"
      className="strip-present"
      aria-pressed={presenting}
      aria-keyshortcuts="Control+Shift+P"
      title={presenting ? 'Leave presentation mode (Esc or Ctrl+Shift+P)' : 'Presentation mode: larger type, only the network, the data and the loss (Ctrl+Shift+P)'}
      onClick={() => void studio.commands.run('view.present')}
    >
      {presenting ? 'Leave presentation' : 'Present'}
    </button>
  );
});
