import { useMemo } from 'react';
import { classOutputsLabel, classOutputsMismatch, describeClassOutputs, fitClassOutputs } from './targetFix';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// A k-class set needs k outputs: what is missing, and the one-click fix (one undoable edit).
export function ClassOutputsIssue() {
  const studio = useStudio();
  const nodes = useDocument((s) => s.doc.nodes);
  const dataset = useDocument((s) => s.doc.dataset);
  const mismatch = useMemo(() => classOutputsMismatch({ nodes, dataset }), [nodes, dataset]);
  if (!mismatch) return null;
  const fix = () => {
    const doc = studio.document.getState().doc;
    const now = classOutputsMismatch(doc);
    if (now) studio.document.replaceDocument(fitClassOutputs(doc, now), classOutputsLabel(now));
  };
  return (
    <div className="data-issue" role="status">
      {describeClassOutputs(mismatch)}{' '}
      <button type="button" onClick={fix}>
        {classOutputsLabel(mismatch)}
      </button>
    </div>
  );
}
