import { memo } from 'react';
import type { Quantity } from '../../../engine/predict';

// A quantity's name as the tutorial writes it, with its subscript: s₃, ∂E/∂w_{in_1→3}, w′…
// Screen readers get the plain label.

const SYMBOL: Record<Quantity['kind'], string> = {
  s: 's',
  z: 'z',
  E: 'E',
  dhds: '∂h/∂s',
  dEds: '∂E/∂s',
  grad: '∂E/∂w',
  update: 'new w',
};

const toSubscript = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);

export const QuantityName = memo(function QuantityName({ q }: { q: Quantity }) {
  // several outputs: the label says which h (∂h_1/∂s_3)
  const symbol = q.kind === 'dhds' && q.label.startsWith('∂h_') ? `∂h${toSubscript(q.output)}/∂s` : SYMBOL[q.kind];
  return (
    <span className="quantity-name">
      {/* a span cannot carry a name (aria-label on a generic is ignored): the label is its text for screen readers */}
      <span className="visually-hidden">{q.label}</span>
      <span aria-hidden="true">
        <var>{symbol}</var>
        <sub>{q.kind === 'E' ? 'i' : q.name}</sub>
        {q.kind === 'z' && q.isOutput ? ' = h' : null}
      </span>
    </span>
  );
});
