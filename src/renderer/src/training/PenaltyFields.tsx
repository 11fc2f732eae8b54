import type { RegularizationKind } from '../../../engine/format/types';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { NumberField, parseWithin } from './NumberField';

/** λ when L1 or L2 is first chosen; β when momentum is first switched on */
export const DEFAULT_LAMBDA = 0.001;
export const DEFAULT_BETA = 0.9;

// Regularisation (none, L1: E + λ Σ|w|, L2: E + λ Σ w², bias edges excepted) with its rate λ, and
// heavy-ball momentum (off by default) with its β: document settings, each change one undo step.
export function PenaltyFields() {
  const studio = useStudio();
  const kind = useDocument((s) => s.doc.training.regularization?.kind ?? 'none');
  const rate = useDocument((s) => s.doc.training.regularization?.rate ?? 0);
  const momentum = useDocument((s) => s.doc.training.momentum ?? 0);
  const setKind = (next: RegularizationKind) =>
    studio.document.setTraining({ regularization: { kind: next, rate: next !== 'none' && rate === 0 ? DEFAULT_LAMBDA : rate } });
  return (
    <>
      <label>
        Regularisation
        <select value={kind} onChange={(e) => setKind(e.target.value as RegularizationKind)}>
          <option value="none">None</option>
          <option value="L1">L1: λ Σ|w|</option>
          <option value="L2">L2: λ Σ w²</option>
        </select>
      </label>
      <NumberField
        label="Rate λ"
        value={rate}
        disabled={kind === 'none'}
        title="λ ≥ 0; bias edges are not penalised"
        parse={(t) => parseWithin(t, { min: 0 })}
        onApply={(v) => studio.document.setTraining({ regularization: { kind, rate: v } })}
      />
      <label className="train-check" title="heavy ball: v ← βv + g, w ← w − ηv">
        <input type="checkbox" checked={momentum > 0} onChange={(e) => studio.document.setTraining({ momentum: e.target.checked ? DEFAULT_BETA : 0 })} />
        Momentum
      </label>
      <NumberField
        label="Momentum β"
        value={momentum}
        disabled={momentum === 0}
        title="0 ≤ β < 1; 0 is off"
        parse={(t) => parseWithin(t, { min: 0, below: 1 })}
        onApply={(v) => studio.document.setTraining({ momentum: v })}
      />
    </>
  );
}
