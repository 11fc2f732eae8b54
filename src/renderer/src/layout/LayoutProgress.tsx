import { memo } from 'react';
import { useLayout } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import './layout.css';

const METHOD_NAME = { elk: 'layered layout', layered: 'fast layered layout' } as const;

// While an automatic layout runs (in the layout worker): what is being placed, an activity bar
// (neither layout can say how far it is) and Cancel, which leaves the document as it was.
export const LayoutProgress = memo(function LayoutProgress() {
  const studio = useStudio();
  const running = useLayout((s) => s.running);
  if (!running) return null;
  return (
    <div className="layout-progress" role="status" aria-label="Automatic layout">
      <span>
        Arranging {running.nodes.toLocaleString('en')} nodes and {running.edges.toLocaleString('en')} edges ({METHOD_NAME[running.method]})…
      </span>
      <progress aria-label="Layout progress" />
      <button type="button" onClick={studio.layout.cancel}>
        Cancel
      </button>
    </div>
  );
});
