import { memo, useMemo } from 'react';
import { validateGraph } from '../../../engine';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Why the numbers are missing, when the graph breaks a rule (e.g. two outputs but one target).
export const GraphIssues = memo(function GraphIssues() {
  const studio = useStudio();
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const dataset = useDocument((s) => s.doc.dataset);
  const issues = useMemo(
    () => validateGraph({ ...studio.document.getState().doc, nodes, edges, dataset }),
    [studio, nodes, edges, dataset],
  );
  const noOutput = nodes.some((n) => n.type === 'neuron') && !nodes.some((n) => n.type === 'neuron' && n.output !== undefined);
  if (issues.length === 0 && !noOutput) return null;
  return (
    <div className="graph-issues" role="status">
      {issues.length > 0 ? issues[0].message : 'No output neuron yet: mark one as an output in the inspector to see ∂h/∂s.'}
      {issues.length > 1 && ` (and ${issues.length - 1} more)`}
    </div>
  );
});
