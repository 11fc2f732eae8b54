import { memo, useMemo } from 'react';
import { edgeFormulas, neuronFormulas } from './tex';
import { FormulaView } from './Tex';
import { GradientCheck } from './GradientCheck';
import { edgeName, nodeName } from './names';
import { useNetValues } from './useNetValues';
import { Panel } from '../panels/Panel';
import { useInspectorMask } from '../predict/useInspectorMask';
import { useDocument, useLive, useSelection } from '../studio/hooks';

// The formula inspector: for the one selected neuron or edge, the tutorial's derivation written
// for this topology with the example in hand's numbers plugged in; and the gradient check.

type Subject = { kind: 'node' | 'edge'; id: string } | null;

function useSubject(): Subject {
  const nodeId = useSelection((s) => (s.nodeIds.length === 1 && s.edgeIds.length === 0 ? s.nodeIds[0] : null));
  const edgeId = useSelection((s) => (s.edgeIds.length === 1 && s.nodeIds.length === 0 ? s.edgeIds[0] : null));
  return useMemo(
    () => (nodeId ? { kind: 'node', id: nodeId } : edgeId ? { kind: 'edge', id: edgeId } : null),
    [nodeId, edgeId],
  );
}

export const FormulaInspector = memo(function FormulaInspector() {
  const subject = useSubject();
  return (
    <Panel id="formulas" title="Formulas" className="formula-panel">
      {subject ? <SubjectFormulas subject={subject} /> : <p className="formula-hint">Select a neuron or an edge to see its formulas with this example’s numbers.</p>}
      <GradientCheck />
    </Panel>
  );
});

const SubjectFormulas = memo(function SubjectFormulas({ subject }: { subject: NonNullable<Subject> }) {
  const net = useNetValues(true);
  const index = useLive((s) => s.exampleIndex);
  const title = useDocument((s) =>
    subject.kind === 'edge' ? `∂E/∂w for ${edgeName(s.doc, subject.id)}` : `Neuron ${nodeName(s.doc, subject.id)}`,
  );
  const blocks = useMemo(
    () => (net ? (subject.kind === 'edge' ? edgeFormulas(net, subject.id) : neuronFormulas(net, subject.id)) : []),
    [net, subject],
  );
  // while predicting, what the step-through has not shown yet stays hidden here too
  const shown = useInspectorMask(subject, useMemo(() => blocks.map((b) => b.quantity), [blocks]));
  if (index === null) return <p className="formula-hint">Add a point to see the numbers.</p>;
  if (!net) return <p className="formula-hint">The graph needs an output neuron and no broken rule to compute.</p>;
  return (
    <div aria-label={`Formulas for ${title}`} role="group">
      <p className="formula-subject">
        {title}, example {index + 1}
      </p>
      {blocks.map((b, i) => shown[i] && <FormulaView key={`${b.quantity}-${i}`} block={b} />)}
    </div>
  );
});
