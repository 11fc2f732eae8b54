import { memo, useMemo } from 'react';
import { compact } from '../../canvas/format';
import { NumberField } from './NumberField';
import { EdgeOffField } from './OffField';
import { useInspectorMask } from '../../predict/useInspectorMask';
import { useDocument, useLive } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

const GRAD = ['grad'] as const;

/** an end of the edge, as a button that selects that node (the way back from an edge with the keyboard) */
function EndButton({ id }: { id: string }) {
  const studio = useStudio();
  const label = useDocument((s) => s.doc.nodes.find((n) => n.id === id)?.label ?? id);
  return (
    <button type="button" className="edge-end" onClick={() => studio.selection.select([id])} aria-label={`Select node ${label}`} title={`Select node ${label}`}>
      <code>{id}</code>
    </button>
  );
}

// One edge w_{j→k}: type an exact weight; read its gradient for the example in hand.
export const EdgeInspector = memo(function EdgeInspector({ id }: { id: string }) {
  const studio = useStudio();
  const edge = useDocument((s) => s.doc.edges.find((e) => e.id === id));
  const live = useLive((s) => s.edges[id]?.grad);
  // while predicting or working the sheet, a ∂E/∂w still blank is not read out here either
  const [shown] = useInspectorMask(useMemo(() => ({ kind: 'edge' as const, id }), [id]), GRAD);
  const grad = shown ? live : undefined;
  if (!edge) return null;
  return (
    <div className="inspector-body">
      <div className="inspector-title">
        Edge <EndButton id={edge.source} /> → <EndButton id={edge.target} />
      </div>
      <NumberField label="Weight" value={edge.weight} onCommit={(w) => studio.document.setEdgeWeight(id, w)} />
      <EdgeOffField edge={edge} />
      <dl className="readout">
        <div>
          <dt className="math-name">∂E/∂w</dt>
          <dd title={grad === undefined ? 'no example in hand' : String(grad)} data-quantity="grad" data-value={grad === undefined ? undefined : String(grad)}>
            {grad === undefined ? '—' : compact(grad)}
          </dd>
        </div>
      </dl>
    </div>
  );
});
