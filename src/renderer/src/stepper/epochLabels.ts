import { batchAt, type BatchSpan, type EpochVisits } from './order';
import { trainingNextOf, type StepSession } from './session';

// The words that say where an example stands in training's epoch: which batch, which examples
// it holds (numbered as the example picker numbers them, 1-based in file order), and when the
// weights change. One place, so the step card, the controls and the tests read the same text.

/** batches listed example by example up to this size; longer ones by their positions in the order */
const LISTED = 12;

/** "5, 2 and 9" */
function listed(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** the batch's examples: "examples 5, 2 and 9" (or "example 5"; a long batch by positions in the order) */
export function batchExamples(visits: EpochVisits, batch: BatchSpan): string {
  const numbers = visits.order.slice(batch.start, batch.end).map((i) => i + 1);
  if (numbers.length === 1) return `example ${numbers[0]}`;
  if (numbers.length > LISTED) return `the ${numbers.length} examples at positions ${batch.start + 1}–${batch.end} of the epoch's order`;
  return `examples ${listed(numbers)}`;
}

/** "batch 2 of 4 (examples 5, 2 and 9)" */
export function batchLabel(visits: EpochVisits, batch: BatchSpan): string {
  return `batch ${batch.index + 1} of ${batch.count} (${batchExamples(visits, batch)})`;
}

/** the epoch under way, 1-based, with the count the toolbar's Epoch readout shows (epochs finished): "Epoch 3 (2 finished)" */
export const epochUnderWay = (epoch: number): string => `Epoch ${epoch + 1} (${epoch} finished)`;

/** the example's place in the epoch, said before its pass (training's next example only) */
export function placeInEpoch(session: StepSession): string {
  const { visits, batch, position, epoch, mode } = session;
  if (!batch) return '';
  const n = visits.order.length;
  const size = batch.end - batch.start;
  if (mode === 'sequential') {
    return `${epochUnderWay(epoch)}, position ${position + 1} of ${n} in training's order: each example is its own update.`;
  }
  const at = `position ${position - batch.start + 1} of ${size} in this batch`;
  if (mode === 'batch') return `${epochUnderWay(epoch)}, batch mode: one batch of all ${n} training examples, ${at}. The weights change once, after the last.`;
  return `${epochUnderWay(epoch)}, ${batchLabel(visits, batch)}: ${at}. Its gradient is added to the batch's sum; the weights change once, after the batch's last example.`;
}

/** training's next example, by its number: "example 7" */
export function trainingNext(session: StepSession): string | null {
  const i = trainingNextOf(session);
  return i === undefined ? null : `example ${i + 1}`;
}

/** why an example is not trained on now, and what training does next */
export function notTrained(session: StepSession): string {
  const next = trainingNext(session);
  const b = batchAt(session.visits, session.position);
  const where = next && session.mode !== 'sequential' ? `, in batch ${b.index + 1} of ${b.count}` : '';
  const then = next ? ` Training's next is ${next}${where}.` : ' This dataset has no training examples.';
  if (session.role === 'test') {
    return `This is a test example: training never learns from it. Its forward pass and error are shown; it gives no gradient and no update.${then}`;
  }
  return `Not training's next example at this point of the epoch: its gradient is shown but not added to any sum, and no weight changes.${then}`;
}
