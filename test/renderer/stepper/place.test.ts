import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import { buildSession, placeOf } from '../../../src/renderer/src/stepper/session';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';

const nets = createNetCache().user();

describe('the example in hand’s place without its pass (what Start offers)', () => {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  const examples = r.doc.dataset.examples.map((ex, i) => (i === 2 ? { ...ex, test: true } : ex));
  const doc = { ...r.doc, dataset: { ...r.doc.dataset, examples }, training: { ...r.doc.training, shuffle: true, seed: 7 } };

  it('gives the session’s role, order and position for every example at every place in the epoch', () => {
    const roles = new Set<string>();
    for (const done of [0, 3, examples.length - 2]) {
      for (let i = 0; i < examples.length; i++) {
        const session = buildSession(nets, doc, i, { done, sum: {} })!;
        const place = placeOf(doc, i, { done, sum: {} })!;
        expect(place).toEqual({ role: session.role, visits: session.visits, position: session.position });
        roles.add(place.role);
      }
    }
    expect([...roles].sort()).toEqual(['aside', 'next', 'test']);
  });

  it('is null for an example the document does not have', () => {
    expect(placeOf(doc, examples.length, { done: 0, sum: {} })).toBeNull();
  });
});
