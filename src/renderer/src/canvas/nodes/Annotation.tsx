import { memo } from 'react';
import { compact } from '../format';

export type Quantity = 's' | 'z' | 'dhds';

const NAMES: Record<Quantity, string> = { s: 's', z: 'z', dhds: '∂h/∂s' };
const LONG: Record<Quantity, string> = { s: 's_k (weighted input)', z: 'z_k (output)', dhds: '∂h/∂s_k' };

// One number on a node: compact on screen, full precision in the title and in data-value, so a
// person and a test read the same value. `hidden` keeps the row in place while the step-through
// has not revealed it yet. `off`: the node is switched off (ablation): the value (0) stays in
// data-value, the screen says "off".
export const Annotation = memo(function Annotation({
  quantity,
  value,
  hidden,
  suffix,
  off,
}: {
  quantity: Quantity;
  value: number | undefined;
  hidden?: boolean;
  suffix?: string;
  off?: boolean;
}) {
  const name = NAMES[quantity] + (suffix ?? '');
  if (value === undefined || hidden) {
    return (
      <div className="ann ann-pending">
        <span className="ann-name">{name}</span>
        <span className="ann-value">·</span>
      </div>
    );
  }
  return (
    <div className="ann" title={`${LONG[quantity]}${suffix ?? ''} = ${String(value)}${off ? ' (switched off)' : ''}`}>
      <span className="ann-name">{name}</span>
      <span className={off ? 'ann-value ann-off' : 'ann-value'} data-quantity={quantity} data-value={String(value)} data-off={off ? 'true' : undefined}>
        {off ? 'off' : compact(value)}
      </span>
    </div>
  );
});
