import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ACTIVATIONS, type Activation, type GraphNode } from '../../../../engine';
import { compact } from '../../canvas/format';
import { ConnectField } from './ConnectField';
import { useInspectorMask } from '../../predict/useInspectorMask';
import { useDocument, useLive } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

const TYPE_NAMES: Record<GraphNode['type'], string> = { input: 'Input', bias: 'Bias (constant 1)', neuron: 'Neuron' };

function LabelField({ node }: { node: GraphNode }) {
  const studio = useStudio();
  const [text, setText] = useState(node.label ?? node.id);
  useEffect(() => setText(node.label ?? node.id), [node.label, node.id]);
  const commit = () => studio.document.updateNodes([node.id], { label: text });
  return (
    <label className="field">
      <span>Label</span>
      <input
        value={text}
        aria-label="Label"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

export function ActivationField({ ids, value }: { ids: readonly string[]; value: Activation | '' }) {
  const studio = useStudio();
  return (
    <label className="field">
      <span>Activation</span>
      <select
        aria-label="Activation"
        value={value}
        onChange={(e) => studio.document.updateNodes(ids, { activation: e.target.value as Activation })}
      >
        {value === '' && <option value="">(mixed)</option>}
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
}

function FeatureField({ node }: { node: Extract<GraphNode, { type: 'input' }> }) {
  const studio = useStudio();
  const features = useDocument((s) => s.doc.dataset.features);
  const count = Math.max(features?.length ?? 0, node.feature + 1);
  return (
    <label className="field">
      <span>Feature</span>
      <select aria-label="Feature" value={node.feature} onChange={(e) => studio.document.updateNodes([node.id], { feature: Number(e.target.value) })}>
        {Array.from({ length: count }, (_, j) => (
          <option key={j} value={j}>
            {j}: {features?.[j] ?? `x${j}`}
          </option>
        ))}
      </select>
    </label>
  );
}

function OutputField({ node }: { node: Extract<GraphNode, { type: 'neuron' }> }) {
  const studio = useStudio();
  const outputs = useDocument((s) => s.doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).length);
  const targets = useDocument((s) => s.doc.dataset.targets);
  const isOutput = node.output !== undefined;
  const slots = isOutput ? outputs : outputs + 1;
  return (
    <>
      <label className="field field-check">
        <input
          type="checkbox"
          checked={isOutput}
          aria-label="Output neuron"
          onChange={(e) => studio.document.updateNodes([node.id], { output: e.target.checked ? outputs : null })}
        />
        <span>Output neuron (h)</span>
      </label>
      {isOutput && slots > 1 && (
        <label className="field">
          <span>Output index</span>
          <select aria-label="Output index" value={node.output} onChange={(e) => studio.document.updateNodes([node.id], { output: Number(e.target.value) })}>
            {Array.from({ length: slots }, (_, o) => (
              <option key={o} value={o}>
                {o}: {targets?.[o] ?? `y${o}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

const READOUT_QUANTITIES = ['s', 'z', 'dEds'] as const;

function LiveReadout({ id }: { id: string }) {
  const live = useLive((s) => s.nodes[id]);
  const example = useLive((s) => s.exampleIndex);
  // while predicting or working the sheet, a value still blank is not read out here either
  const shown = useInspectorMask(useMemo(() => ({ kind: 'node' as const, id }), [id]), READOUT_QUANTITIES);
  if (!live) return null;
  // math names as math: a subscript, never capitalised by the readout's styles
  const rows: [string, ReactNode, number | undefined][] = [
    ['s_k', <>s<sub>k</sub></>, shown[0] ? live.s : undefined],
    ['z_k', <>z<sub>k</sub></>, shown[1] ? live.z : undefined],
    ['∂E/∂s_k', <>∂E/∂s<sub>k</sub></>, shown[2] ? live.dEds : undefined],
  ];
  return (
    <dl className="readout" aria-label={`Values for example ${example ?? ''}`}>
      {rows
        .filter(([, , v]) => v !== undefined)
        .map(([name, shown, v]) => (
          <div key={name}>
            <dt className="math-name" aria-label={name}>{shown}</dt>
            <dd title={String(v)}>{compact(v!)}</dd>
          </div>
        ))}
    </dl>
  );
}

export const NodeInspector = memo(function NodeInspector({ id }: { id: string }) {
  const node = useDocument((s) => s.doc.nodes.find((n) => n.id === id));
  if (!node) return null;
  return (
    <div className="inspector-body">
      <div className="inspector-title">
        {TYPE_NAMES[node.type]} <code>{node.id}</code>
      </div>
      <LabelField node={node} />
      {node.type === 'neuron' && <ActivationField ids={[id]} value={node.activation} />}
      {node.type === 'input' && <FeatureField node={node} />}
      {node.type === 'neuron' && <OutputField node={node} />}
      <ConnectField id={id} />
      <LiveReadout id={id} />
      {node.type === 'neuron' && <ExplodeButton id={id} />}
    </div>
  );
});

/** opens the "explode neuron" view: the neuron as its ×, + and σ operations (explode/ExplodeView.tsx) */
function ExplodeButton({ id }: { id: string }) {
  const studio = useStudio();
  return (
    <button type="button" className="explode-open" onClick={() => studio.explode.open(id)} title="Show this neuron as its ×, + and σ operations, each with its value and gradient">
      Explode neuron
    </button>
  );
}
