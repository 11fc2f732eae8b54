import type { GraphDoc } from '../../../engine';
import type { DocumentStore } from '../store/document';
import { restartBatch } from './batch';
import { epochVisits } from './order';
import { basisOf, epochFor, type StepperStore } from './store';

// The step-through and training's Step / Step epoch / Play share one place in the epoch: the
// batches the step-through has updated are not trained again, and the batches training has
// stepped are not stepped again. A batch half summed in the step-through is not an update yet,
// so training goes on from that batch's start.

/** examples of `doc`'s epoch done by the step-through, at its batch's start (0 when its place belongs to another document) */
export function steppedPosition(stepper: StepperStore, doc: GraphDoc): number {
  const progress = epochFor(stepper.getState(), doc);
  return restartBatch(progress, epochVisits(doc.dataset.examples, doc.training)).done;
}

/** training has written its weights `position` examples into the document's epoch: the step-through goes on from there */
export function followTraining(stepper: StepperStore, document: DocumentStore): (position: number) => void {
  return (position) => {
    const { doc } = document.getState();
    stepper.setState({ epoch: { done: position, sum: {} }, epochBasis: basisOf(doc), boundaries: [] });
  };
}
