import { memo, useMemo } from 'react';
import { validateGraph } from '../../../engine';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { addMissingTargets, addTargetsLabel, describeMissing, missingTargets, onlyOutput, type MissingTargets } from '../data/targetFix';

// Why the numbers are missing, when the graph breaks a rule (e.g. two outputs but one target),
// and — for missing targets — the two ways out, one click each (one undoable edit).
export const GraphIssues = memo(function GraphIssues() {
  const studio = useStudio();
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const dataset = useDocument((s) => s.doc.dataset);
  const issues = useMemo(
    () => validateGraph({ ...studio.document.getState().doc, nodes, edges, dataset }),
    [studio, nodes, edges, dataset],
  );
  const missing = useMemo(() => missingTargets({ nodes, dataset }), [nodes, dataset]);
  const noOutput = nodes.some((n) => n.type === 'neuron') && !nodes.some((n) => n.type === 'neuron' && n.output !== undefined);
  if (missing) return <MissingTargetsIssue missing={missing} />;
  if (issues.length === 0 && !noOutput) return null;
  return (
    <div className="graph-issues" role="status">
      {issues.length > 0 ? issues[0].message : 'No output neuron yet: mark one as an output in the inspector to see ∂h/∂s.'}
      {issues.length > 1 && ` (and ${issues.length - 1} more)`}
    </div>
  );
});

function MissingTargetsIssue({ missing }: { missing: MissingTargets }) {
  const studio = useStudio();
  const first = useDocument((s) => s.doc.nodes.find((n) => n.type === 'neuron' && n.output === 0));
  const addTargets = () => {
    const doc = studio.document.getState().doc;
    const now = missingTargets(doc);
    if (now) studio.document.replaceDocument(addMissingTargets(doc, now), 'Add targets');
  };
  const keepFirst = () => {
    if (first) studio.document.replaceDocument(onlyOutput(studio.document.getState().doc, first.id), 'Keep one output');
  };
  return (
    <div className="graph-issues" role="status">
      {describeMissing(missing)}
      <span className="graph-issues-fixes">
        <button type="button" onClick={addTargets}>
          {addTargetsLabel(missing)}
        </button>
        {first && (
          <button type="button" onClick={keepFirst}>
            Keep only output 1 (neuron {first.label ?? first.id})
          </button>
        )}
      </span>
    </div>
  );
}
