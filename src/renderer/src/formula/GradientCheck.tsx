import { memo, useState } from 'react';
import { readable } from '../format/number';
import { gradcheck, type GradcheckResult } from '../../../engine';
import { edgeName } from './names';
import { useDocument, useLive } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Backpropagation checked by centred finite differences on the example in hand (CS231n's rule of
// thumb: ≤ 1e-7 right, up to 1e-4 acceptable near kinks, beyond 1e-2 wrong).

interface Checked {
  result: GradcheckResult;
  exampleIndex: number;
  revision: number;
}

function verdict(rel: number): { text: string; className: string } {
  if (rel <= 1e-7) return { text: 'agrees', className: 'gradcheck-ok' };
  if (rel <= 1e-4) return { text: 'acceptable (near a kink?)', className: 'gradcheck-doubt' };
  if (rel <= 1e-2) return { text: 'suspicious', className: 'gradcheck-doubt' };
  return { text: 'wrong', className: 'gradcheck-bad' };
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
  const v = verdict(result.maxRelError);
  const where = result.edgeId ? ` at ${edgeName(doc, result.edgeId)}` : '';
  return (
    <p className={`gradcheck-result ${stale ? 'gradcheck-stale' : v.className}`} role="status" data-testid="gradcheck-result">
      Example {exampleIndex + 1}: largest relative error{' '}
      <span data-quantity="gradcheck" data-value={String(result.maxRelError)}>
        {readable(result.maxRelError, 3)}
      </span>
      {where} over {result.count} edges — {v.text}
      {stale && ' (for an earlier state: check again)'}
    </p>
  );
}
