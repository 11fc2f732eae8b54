import { useMemo } from 'react';
import type { Loss } from '../../../engine/format/types';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { lossHint } from './lossHint';

// The loss: squared error (the tutorial's E = Σ (h − y)², the default) or cross-entropy (a sigmoid
// output, or softmax outputs; ∂E/∂s = h − y at the output). Under the choice, a line of guidance:
// what the loss does, and why the other one is unavailable when the document rules it out (that
// option is disabled).
export function LossField() {
  const studio = useStudio();
  const loss = useDocument((s) => s.doc.training.loss ?? 'squared');
  const nodes = useDocument((s) => s.doc.nodes);
  const dataset = useDocument((s) => s.doc.dataset);
  // the rules read the outputs and the targets only (not the epoch, which moves while training runs)
  const hint = useMemo(() => lossHint({ nodes, dataset }, loss), [nodes, dataset, loss]);
  return (
    <>
      <label className="train-wide">
        Loss
        <select value={loss} aria-describedby="train-loss-hint" onChange={(e) => studio.document.setTraining({ loss: e.target.value as Loss })}>
          <option value="squared" disabled={hint.unavailable === 'squared'}>
            Squared error Σ(h − y)²
          </option>
          <option value="crossEntropy" disabled={hint.unavailable === 'crossEntropy'}>
            Cross-entropy
          </option>
        </select>
      </label>
      <p className="train-hint" id="train-loss-hint" data-testid="loss-hint">
        {hint.text}
      </p>
    </>
  );
}
