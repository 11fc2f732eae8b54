// withOwnState: several users of one compile (the page's live values, maps, lessons, formulas)
// each get weights, velocities and pass values of their own. Training one copy, interleaved with
// passes on another, must give exactly what a net compiled for it alone gives, and must leave
// every array of the shared net as it was (a mutable array added to Net later and not given its
// own copy here fails the second check).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, readPass, trainEpoch, withOwnState, type GraphDoc, type Net } from '../../src/engine';
import { arbitraryOptionsDoc } from './options';

const arrays = (net: Net): [string, ArrayLike<number>][] =>
  Object.entries(net).filter((entry): entry is [string, ArrayLike<number>] => ArrayBuffer.isView(entry[1]));

const snapshot = (net: Net) => arrays(net).map(([key, a]) => [key, Array.from(a)] as const);

function trainTwice(net: Net, doc: GraphDoc, interleave: () => void): Net {
  for (let epoch = 0; epoch < 2; epoch++) {
    trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch });
    interleave();
  }
  return net;
}

describe('withOwnState', () => {
  it('trains a copy exactly as a net of its own, with passes on another copy in between, and never writes the shared net', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryOptionsDoc({ form: 'squared' }), arbitraryOptionsDoc({ form: 'softmax' }), arbitraryOptionsDoc({ form: 'binary', ablate: true })),
        (doc) => {
          const shared = compile(doc);
          const before = snapshot(shared);
          const other = withOwnState(shared);
          other.weights.fill(0.25);
          const copy = trainTwice(withOwnState(shared), doc, () => void readPass(other, doc.dataset.examples[0]));
          const alone = trainTwice(compile(doc), doc, () => undefined);
          expect(Array.from(copy.weights)).toEqual(Array.from(alone.weights));
          expect(Array.from(copy.velocity)).toEqual(Array.from(alone.velocity));
          expect(readPass(copy, doc.dataset.examples[0])).toEqual(readPass(alone, doc.dataset.examples[0]));
          expect(snapshot(shared)).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
