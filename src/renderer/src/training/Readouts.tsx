import { epochText, percent, rate, short } from './format';
import { SATURATED_MESSAGE } from './saturationMessage';
import { useDocument, useTraining } from '../studio/hooks';
import { problemOf } from '../../../engine/format/types';
import type { Metrics } from './protocol';

interface ReadoutProps {
  label: string;
  value: number | null;
  text: string;
  note?: string;
  /** the same quantity over the test examples (shown under it), when there are any */
  test?: { value: number; text: string } | null;
  /** a quiet second line (which backend runs) */
  aside?: { text: string; title: string } | null;
}

function Readout({ label, value, text, note, test, aside }: ReadoutProps) {
  const full = value === null ? undefined : `${String(value)}${note ? ` (${note})` : ''}`;
  return (
    <div className="readout">
      <dt>{label}</dt>
      <dd
        data-testid={`readout-${label}`}
        data-value={value === null ? '' : String(value)}
        title={test ? `train: ${full ?? '—'}` : full}
        aria-label={test ? `${label} on the training examples: ${text}` : undefined}
      >
        {text}
      </dd>
      {test && (
        <dd className="readout-test" data-testid={`readout-test-${label}`} data-value={String(test.value)} title={`test: ${String(test.value)}`} aria-label={`${label} on the test examples: ${test.text}`}>
          test {test.text}
        </dd>
      )}
      {aside && (
        <dd className="readout-aside" data-testid={`readout-aside-${label}`} title={aside.title}>
          {aside.text}
        </dd>
      )}
    </div>
  );
}

const testOf = (test: Metrics | null, pick: (m: Metrics) => number, show: (v: number) => string) =>
  test === null ? null : { value: pick(test), text: show(pick(test)) };

/** the quiet note under Updates/s: which arithmetic trains, and why the engine when it is the engine */
function backendAside(backend: 'wasm' | 'js' | null, reason: string | null): ReadoutProps['aside'] {
  if (backend !== 'js') return null;
  const why = reason ? `: the WebAssembly kernel does not compute this document’s options yet (${reason})` : '';
  return { text: 'engine', title: `The JavaScript engine trains${why}. Same math, same weights; only slower.` };
}

// Epoch, E, mean error, accuracy (a regression's mean squared error) and speed at the latest
// snapshot from the worker; with test examples, each measure for the test examples under it.
export function Readouts() {
  const epoch = useTraining((s) => s.epoch);
  const position = useTraining((s) => s.position);
  const error = useTraining((s) => s.error);
  const meanError = useTraining((s) => s.meanError);
  const accuracy = useTraining((s) => s.accuracy);
  const mse = useTraining((s) => s.meanSquaredError);
  const test = useTraining((s) => s.test);
  const penalty = useTraining((s) => s.penalty);
  const updates = useTraining((s) => s.rate);
  const backend = useTraining((s) => s.backend);
  const engineReason = useTraining((s) => s.engineReason);
  const saturated = useTraining((s) => s.saturated);
  const regression = useDocument((s) => problemOf(s.doc.dataset) === 'regression');
  return (
    <>
      <dl className="train-readouts" aria-label="Training readouts">
        <Readout label="Epoch" value={epoch} text={epochText(epoch, position)} />
        <Readout
          label="E"
          value={error}
          text={short(error)}
          note={penalty > 0 && error !== null ? `E_reg = E + penalty = ${String(error + penalty)}` : undefined}
          test={testOf(test, (m) => m.error, short)}
        />
        <Readout label="Mean error" value={meanError} text={short(meanError)} test={testOf(test, (m) => m.meanError, short)} />
        {regression ? (
          <Readout label="MSE" value={mse} text={short(mse)} test={testOf(test, (m) => m.meanSquaredError, short)} />
        ) : (
          <Readout label="Accuracy" value={accuracy} text={percent(accuracy)} test={testOf(test, (m) => m.accuracy, percent)} />
        )}
        <Readout
          label="Updates/s"
          value={updates}
          text={rate(updates)}
          note={backend === 'wasm' ? 'WebAssembly kernel' : backend === 'js' ? 'JavaScript engine' : undefined}
          aside={backendAside(backend, engineReason)}
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
