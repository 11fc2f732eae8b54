import { useMemo } from 'react';
import { DEFAULT_TRAINING, type Loss } from '../../../engine/format/types';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { lossProblem } from './lossChoice';

// The loss: squared error (the tutorial's E = Σ (h − y)², the default) or cross-entropy (a sigmoid
// output, or softmax outputs; ∂E/∂s = h − y at the output). A loss the document cannot use is
// disabled, and the reason is written under the choice.
export function LossField() {
  const studio = useStudio();
  const loss = useDocument((s) => s.doc.training.loss ?? 'squared');
  const nodes = useDocument((s) => s.doc.nodes);
  const dataset = useDocument((s) => s.doc.dataset);
  const other: Loss = loss === 'squared' ? 'crossEntropy' : 'squared';
  // the rules read the outputs and the targets only (not the epoch, which moves while training runs)
  const reason = useMemo(() => lossProblem({ nodes, edges: [], dataset, training: DEFAULT_TRAINING }, other), [nodes, dataset, other]);
  return (
    <>
      <label className="train-wide">
        Loss
        <select value={loss} aria-describedby={reason ? 'train-loss-hint' : undefined} onChange={(e) => studio.document.setTraining({ loss: e.target.value as Loss })}>
          <option value="squared" disabled={other === 'squared' && reason !== null}>
            Squared error Σ(h − y)²
          </option>
          <option value="crossEntropy" disabled={other === 'crossEntropy' && reason !== null}>
            Cross-entropy
          </option>
        </select>
      </label>
      {reason && (
        <p className="train-hint" id="train-loss-hint" data-testid="loss-hint">
          {other === 'crossEntropy' ? 'Cross-entropy' : 'Squared error'} is off: {reason}.
        </p>
      )}
    </>
  );
}
