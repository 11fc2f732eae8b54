import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { buildSession } from '../../../src/renderer/src/stepper/session';
import { lastStep, revealAt } from '../../../src/renderer/src/stepper/machine';
import { EPOCH_START } from '../../../src/renderer/src/stepper/batch';
import { labelledNeuron, stepLabelsEdge } from '../../../src/renderer/src/stepper/edgeLabels';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

function updateStep(selected: string[]) {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  const session = buildSession(nets, r.doc, 0, EPOCH_START)!;
  const reveal = revealAt(session.plan, lastStep(session.plan), session.updates ?? undefined);
  const labelsFor = labelledNeuron(selected, session.plan.neurons, session.values.outputs[0].nodeId);
  const full = { ...reveal, labelsFor };
  return r.doc.edges.filter((e) => stepLabelsEdge(full, e.id, e.target)).map((e) => e.id);
}

describe('edge labels in the Update step of the tutorial 2-5-1', () => {
  it('label only the output’s incoming edges, not all 21', () => {
    expect(updateStep([])).toEqual(['in_1->6', '1->6', '2->6', '3->6', '4->6', '5->6']);
  });
  it('follow the selected neuron', () => {
    expect(updateStep(['in_x', '3'])).toEqual(['in_1->3', 'in_x->3', 'in_y->3']);
  });
  it('are not shown outside the steps that reveal edges', () => {
    expect(stepLabelsEdge(null, 'in_1->6', '6')).toBe(false);
  });
});
