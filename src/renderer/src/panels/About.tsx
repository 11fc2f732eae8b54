import { memo, useEffect, useRef } from 'react';
import { CURRENT_VERSION } from '../../../engine';
import { useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

declare const __APP_VERSION__: string;

// Help → About: what the app is, its version, and the math it computes.
export const About = memo(function About() {
  const open = useView((s) => s.aboutOpen);
  if (!open) return null;
  return <AboutDialog />;
});

function AboutDialog() {
  const studio = useStudio();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') studio.view.showAbout(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [studio]);
  return (
    <div className="files-backdrop" onClick={(e) => e.target === e.currentTarget && studio.view.showAbout(false)}>
      <div className="files-dialog about-dialog" role="dialog" aria-modal="true" aria-labelledby="about-title">
        <h2 id="about-title">Backprop Studio {__APP_VERSION__}</h2>
        <p>
          Draw any loop-free graph of perceptrons, give it points of two classes, and watch
          backpropagation work — every neuron’s s<sub>k</sub>, z<sub>k</sub> and ∂h/∂s<sub>k</sub>{' '}
          for the example in hand.
        </p>
        <p className="about-math">
          s<sub>k</sub> = Σ<sub>j</sub> z<sub>j</sub> w<sub>j→k</sub>, z<sub>k</sub> = σ(s<sub>k</sub>), E = Σ<sub>i</sub>{' '}
          (h(x<sub>i</sub>) − y<sub>i</sub>)², w ← w − η ∂E/∂w.
        </p>
        <p className="about-small">Graph files: format version {CURRENT_VERSION} (.bpgraph.json).</p>
        <div className="files-dialog-buttons">
          <span className="files-spacer" />
          <button type="button" className="files-primary" ref={close} onClick={() => studio.view.showAbout(false)}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
