import { epochText, percent, rate, short } from './format';
import { SATURATED_MESSAGE } from './saturationMessage';
import { useTraining } from '../studio/hooks';

function Readout({ label, value, text, note }: { label: string; value: number | null; text: string; note?: string }) {
  return (
    <div className="readout">
      <dt>{label}</dt>
      <dd data-testid={`readout-${label}`} data-value={value === null ? '' : String(value)} title={value === null ? undefined : `${String(value)}${note ? ` (${note})` : ''}`}>
        {text}
      </dd>
    </div>
  );
}

// Epoch, E, mean error, accuracy and speed at the latest snapshot from the worker.
export function Readouts() {
  const epoch = useTraining((s) => s.epoch);
  const position = useTraining((s) => s.position);
  const error = useTraining((s) => s.error);
  const meanError = useTraining((s) => s.meanError);
  const accuracy = useTraining((s) => s.accuracy);
  const updates = useTraining((s) => s.rate);
  const backend = useTraining((s) => s.backend);
  const saturated = useTraining((s) => s.saturated);
  return (
    <>
    <dl className="train-readouts" aria-label="Training readouts">
      <Readout label="Epoch" value={epoch} text={epochText(epoch, position)} />
      <Readout label="E" value={error} text={short(error)} />
      <Readout label="Mean error" value={meanError} text={short(meanError)} />
      <Readout label="Accuracy" value={accuracy} text={percent(accuracy)} />
      <Readout
        label="Updates/s"
        value={updates}
        text={rate(updates)}
        note={backend === 'wasm' ? 'WebAssembly kernel' : backend === 'js' ? 'JavaScript engine' : undefined}
      />
    </dl>
    {saturated && (
      <p className="train-warning" role="status" data-testid="saturated">
        {SATURATED_MESSAGE}
      </p>
    )}
    </>
  );
}
