import { useMemo } from 'react';
import { trainingExamples, batchSizeOf } from '../../../engine';
import { TRAINING_DEFAULTS, type TrainingMode } from '../../../engine/format/types';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { NumberField, parseWithin } from './NumberField';

// The mode and its batch size b: sequential is b = 1, batch is b = N (every training example),
// mini-batch any b from 1 to N. The gradient over a batch is summed, as the tutorial does, not
// averaged: a larger b takes a larger step (docs/graph-format.md, "Update").
export function BatchFields() {
  const studio = useStudio();
  const mode = useDocument((s) => s.doc.training.mode);
  const batchSize = useDocument((s) => s.doc.training.batchSize ?? TRAINING_DEFAULTS.batchSize);
  const examples = useDocument((s) => s.doc.dataset.examples);
  // counted once per data set, not at every weight write while training runs
  const n = useMemo(() => trainingExamples(examples).length, [examples]);
  const shuffle = useDocument((s) => s.doc.training.shuffle);
  const shown = mode === 'minibatch' ? batchSize : batchSizeOf({ mode, batchSize }, n);
  return (
    <>
      <label>
        Mode
        <select value={mode} aria-describedby="train-mode-hint" onChange={(e) => studio.document.setTraining({ mode: e.target.value as TrainingMode })}>
          <option value="sequential">Sequential (b = 1)</option>
          <option value="minibatch">Mini-batch (b examples)</option>
          <option value="batch">Batch (b = all)</option>
        </select>
      </label>
      <NumberField
        label="Batch size b"
        value={shown}
        disabled={mode !== 'minibatch'}
        title={mode === 'minibatch' ? `1 … ${n}; larger than ${n} is one batch of all` : 'set by the mode: choose Mini-batch to pick b'}
        parse={(t) => parseWithin(t, { min: 1, integer: true })}
        onApply={(b) => studio.document.setTraining({ batchSize: b })}
        describedBy="train-mode-hint"
      />
      <p className="train-hint" id="train-mode-hint">
        An update per batch of b of the {n} training examples; the gradient is summed, not averaged.
      </p>
      <label className="train-check" title={mode === 'batch' ? 'batch mode sums over all examples; order does not matter' : undefined}>
        <input type="checkbox" checked={shuffle} disabled={mode === 'batch'} onChange={(e) => studio.document.setTraining({ shuffle: e.target.checked })} />
        Shuffle each epoch
      </label>
    </>
  );
}
