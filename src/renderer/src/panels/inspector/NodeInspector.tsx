import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ACTIVATIONS, type Activation, type GraphNode } from '../../../../engine';
import { compact } from '../../canvas/format';
import { ConnectField } from './ConnectField';
import { NodeEdges } from './NodeEdges';
import { OffField } from './OffField';
import { activationFormula, activationOption } from '../../canvas/activationFormulas';
import { expressionFormula, expressionMeaning, expressionsFor, sameExpression, type InputExpression } from '../../canvas/derivedInputs';
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
    <>
      <label className="field">
        <span>Activation</span>
        <select
          aria-label="Activation"
          value={value}
          onChange={(e) => studio.document.updateNodes(ids, { activation: e.target.value as Activation })}
        >
          {value === '' && <option value="">(mixed)</option>}
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a} title={activationFormula(a)}>
              {activationOption(a)}
            </option>
          ))}
        </select>
      </label>
      {value !== '' && (
        <div className="field-formula" aria-label="Activation formula">
          {activationFormula(value)}
        </div>
      )}
    </>
  );
}

/** the option value of an expression: "0", "0:square", "0:sin", "0*1" */
const expressionKey = (e: InputExpression): string => `${e.feature}${e.transform ? `:${e.transform}` : e.times !== undefined ? `*${e.times}` : ''}`;

/** an input's feature expression: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (graph-format.md, "Derived inputs") */
function ExpressionField({ node }: { node: Extract<GraphNode, { type: 'input' }> }) {
  const studio = useStudio();
  const features = useDocument((s) => s.doc.dataset.features);
  const count = Math.max(features?.length ?? 2, node.feature + 1, (node.times ?? 0) + 1);
  const offered = expressionsFor(count);
  // a file may hold one the list does not offer (x₂x₁): keep it choosable
  const options = offered.some((e) => sameExpression(e, node)) ? offered : [node, ...offered];
  const byKey = new Map(options.map((e) => [expressionKey(e), e]));
  return (
    <>
      <label className="field">
        <span>Computes</span>
        <select
          aria-label="Feature expression"
          value={expressionKey(node)}
          onChange={(e) => {
            const chosen = byKey.get(e.target.value);
            if (chosen) studio.document.updateNodes([node.id], { expression: chosen });
          }}
        >
          {options.map((e) => (
            <option key={expressionKey(e)} value={expressionKey(e)} title={expressionMeaning(e, features)}>
              {expressionFormula(e)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-formula">z = {expressionMeaning(node, features)}</div>
    </>
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
      {node.type === 'input' && <ExpressionField node={node} />}
      {node.type === 'neuron' && <OutputField node={node} />}
      <OffField node={node} />
      <ConnectField id={id} />
      <NodeEdges id={id} />
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
