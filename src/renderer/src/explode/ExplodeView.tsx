import { memo, useEffect, useMemo, useRef } from 'react';
import { readable } from '../format/number';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { useStore } from 'zustand';
import { BOX, explodeLayout, OP_RADIUS, type Point } from './explodeLayout';
import type { ExplodedNeuron, ExplodedValue } from './explodeModel';
import { explodeShown, type BoxShown, type ExplodeShown } from './explodeMask';
import { explodeOf } from './explodeOf';
import { useNetUser } from '../studio/useNetUser';
import { useValueMaskState } from '../predict/useInspectorMask';
import './explode.css';

/** incoming edges drawn at most (a neuron fed by hundreds would make a drawing nobody reads); s sums them all */
const MAX_DRAWN_TERMS = 16;

// "Explode neuron": the selected neuron drawn as its ×, + and σ operations (micrograd's draw_dot),
// each value with its number and its gradient for the example in hand. A fixed small layout drawn
// as SVG here (explodeLayout.ts): no graph library is needed for a shape that never changes.
// While predicting (or working the worksheet) what is still to be found is drawn as "?"
// (explodeMask.ts, the canvas's and the inspector's rule).
export const ExplodeView = memo(function ExplodeView() {
  const nodeId = useStore(useStudio().explode, (s) => s.nodeId);
  return nodeId === null ? null : <ExplodeDialog nodeId={nodeId} />;
});

function ExplodeDialog({ nodeId }: { nodeId: string }) {
  const studio = useStudio();
  const doc = useDocument((s) => s.doc);
  const index = useLive((s) => s.exampleIndex);
  const nets = useNetUser();
  const result = useMemo(() => explodeOf(nets, doc, index, nodeId), [nets, doc, index, nodeId]);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        studio.explode.close();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [studio]);
  const title = result.ok ? `Neuron ${result.neuron.name} exploded — example ${result.example}` : 'Explode neuron';
  return (
    <div className="files-backdrop" onClick={(e) => e.target === e.currentTarget && studio.explode.close()}>
      <div className="files-dialog explode-dialog" role="dialog" aria-modal="true" aria-labelledby="explode-title">
        <h2 id="explode-title">{title}</h2>
        {result.ok ? <Explained neuron={result.neuron} /> : <p role="status">{result.reason}</p>}
        <div className="files-dialog-buttons">
          <span className="files-spacer" />
          <button type="button" className="files-primary" ref={close} onClick={() => studio.explode.close()}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function Explained({ neuron }: { neuron: ExplodedNeuron }) {
  const mask = useValueMaskState();
  const shown = useMemo(() => explodeShown(neuron, mask), [neuron, mask]);
  return (
    <>
      <p className="explode-lead">
        Each box: its value, and <b>grad</b> = ∂E/∂(that value) for this example. Backwards, a σ passes on ∂E/∂z · σ′(s) (σ′ ={' '}
        {shown.dsigma ? readable(neuron.dsigma) : '?'}); a + passes its grad unchanged to every term; a × gives each factor the grad times the other factor.
      </p>
      {mask !== null && <p className="explode-lead explode-masked">A “?” is still to be predicted: it appears here once it is revealed.</p>}
      {neuron.terms.length > MAX_DRAWN_TERMS && (
        <p className="explode-lead">
          Drawn: the first {MAX_DRAWN_TERMS} of {neuron.terms.length} incoming edges; s sums all {neuron.terms.length} products.
        </p>
      )}
      <div className="explode-scroll">
        <ExplodeSvg neuron={neuron} shown={shown} />
      </div>
    </>
  );
}

function ExplodeSvg({ neuron, shown }: { neuron: ExplodedNeuron; shown: ExplodeShown }) {
  const terms = neuron.terms.slice(0, MAX_DRAWN_TERMS);
  const layout = explodeLayout(terms.length);
  const right = (p: Point): Point => ({ x: p.x + BOX.width, y: p.y + BOX.height / 2 });
  const left = (p: Point): Point => ({ x: p.x, y: p.y + BOX.height / 2 });
  const opLeft = (p: Point): Point => ({ x: p.x - OP_RADIUS, y: p.y });
  const opRight = (p: Point): Point => ({ x: p.x + OP_RADIUS, y: p.y });
  return (
    <svg
      className="explode-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={`Neuron ${neuron.name} as operations: ${neuron.terms.length} products z·w, their sum s, and ${neuron.activation} giving z`}
    >
      <defs>
        <marker id="explode-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" className="explode-arrowhead" />
        </marker>
      </defs>
      {terms.map((t, i) => {
        const l = layout.terms[i];
        return (
          <g key={t.edgeId} data-edge={t.edgeId}>
            <Wire from={right(l.input)} to={opLeft(l.times)} />
            <Wire from={right(l.weight)} to={opLeft(l.times)} />
            <Wire from={opRight(l.times)} to={left(l.product)} />
            <Wire from={right(l.product)} to={opLeft(layout.plus)} />
            <ValueBox at={l.input} v={t.input} quantity="input" shown={shown.terms[t.edgeId].input} />
            <ValueBox at={l.weight} v={t.weight} quantity="weight" shown={shown.terms[t.edgeId].weight} />
            <Op at={l.times} text="×" name="times" />
            <ValueBox at={l.product} v={t.product} quantity="product" shown={shown.terms[t.edgeId].product} />
          </g>
        );
      })}
      <Wire from={opRight(layout.plus)} to={left(layout.sum)} />
      <Wire from={right(layout.sum)} to={opLeft(layout.sigma)} />
      <Wire from={opRight(layout.sigma)} to={left(layout.out)} />
      <Op at={layout.plus} text="+" name="plus" />
      <ValueBox at={layout.sum} v={neuron.sum} quantity="sum" shown={shown.sum} />
      <Op at={layout.sigma} text="σ" name={neuron.activation} />
      <ValueBox at={layout.out} v={neuron.out} quantity="out" shown={shown.out} />
    </svg>
  );
}

function Wire({ from, to }: { from: Point; to: Point }) {
  return <line className="explode-wire" x1={from.x} y1={from.y} x2={to.x} y2={to.y} markerEnd="url(#explode-arrow)" />;
}

function Op({ at, text, name }: { at: Point; text: string; name: string }) {
  return (
    <g className="explode-op" data-op={name}>
      <circle cx={at.x} cy={at.y} r={OP_RADIUS} />
      <text x={at.x} y={at.y} dominantBaseline="central" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** micrograd's record: label | data | grad; a number still to be predicted is "?" (and absent from the attributes) */
function ValueBox({ at, v, quantity, shown }: { at: Point; v: ExplodedValue; quantity: string; shown: BoxShown }) {
  const value = shown.value ? String(v.value) : '?';
  const grad = shown.grad ? String(v.grad) : '?';
  return (
    <g
      className={`explode-box explode-${quantity}`}
      data-quantity={quantity}
      data-label={v.label}
      data-value={shown.value ? v.value : undefined}
      data-grad={shown.grad ? v.grad : undefined}
      data-masked={shown.value && shown.grad ? undefined : 'true'}
    >
      <title>{`${v.label} = ${value}, ∂E/∂${v.label} = ${grad}`}</title>
      <rect x={at.x} y={at.y} width={BOX.width} height={BOX.height} rx={6} />
      <text x={at.x + 8} y={at.y + 15} className="explode-label">
        {v.symbols.map(([base, sub], i) => (
          <tspan key={i}>
            {base}
            <tspan className="explode-sub" dy={3}>
              {sub}
            </tspan>
            <tspan dy={-3}>{'\u200a'}</tspan>
          </tspan>
        ))}
      </text>
      <text x={at.x + 8} y={at.y + 34}>
        value {shown.value ? readable(v.value) : '?'}
      </text>
      <text x={at.x + 8} y={at.y + 50} className="explode-grad">
        grad {shown.grad ? readable(v.grad) : '?'}
      </text>
    </g>
  );
}
