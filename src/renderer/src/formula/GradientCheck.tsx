import { memo, useState } from 'react';
import { readable } from '../format/number';
import { gradcheck, type GradcheckResult } from '../../../engine';
import { edgeName } from './names';
import { gradcheckVerdict } from './gradcheckVerdict';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Backpropagation checked by centred finite differences on the example in hand: the largest
// |a − n| / max(|a|, |n|, 1e-8) graded by CS231n's rule of thumb (≤ 1e-7 agrees, up to 1e-4
// acceptable near kinks, beyond 1e-2 wrong); gradients both below 1e-8 are said to be near zero.

interface Checked {
  result: GradcheckResult;
  exampleIndex: number;
  revision: number;
}

export const GradientCheck = memo(function GradientCheck() {
  const studio = useStudio();
  const index = useLive((s) => s.exampleIndex);
  const revision = useDocument((s) => s.revision);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    const { doc, revision: rev } = studio.document.getState();
    if (index === null) return;
    try {
      setChecked({ result: gradcheck(doc, index), exampleIndex: index, revision: rev });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const stale = checked !== null && (checked.revision !== revision || checked.exampleIndex !== index);
  return (
    <div className="gradcheck">
      <button type="button" onClick={run} disabled={index === null}>
        Check gradients on this example
      </button>
      {error && <p className="gradcheck-result gradcheck-bad">{error}</p>}
      {checked && <GradcheckResultView checked={checked} stale={stale} />}
    </div>
  );
});

function GradcheckResultView({ checked, stale }: { checked: Checked; stale: boolean }) {
  const doc = useDocument((s) => s.doc);
  const { result, exampleIndex } = checked;
  const v = gradcheckVerdict(result);
  const where = result.edgeId ? ` at ${edgeName(doc, result.edgeId)}` : '';
  const graded = result.count - result.nearZero;
  return (
    <p className={`gradcheck-result ${stale ? 'gradcheck-stale' : v.className}`} role="status" data-testid="gradcheck-result">
      Example {exampleIndex + 1}:{' '}
      {graded > 0 || result.count === 0 ? (
        <>
          largest relative error{' '}
          <span data-quantity="gradcheck" data-value={String(result.maxRelError)}>
            {readable(result.maxRelError, 3)}
          </span>
          {where} over {graded} edges — {v.text}
          {v.nearZero && `; ${v.nearZero}`}
        </>
      ) : (
        <>
          {v.text}: {v.nearZero}
        </>
      )}
      {stale && ' (for an earlier state: check again)'}
    </p>
  );
}
