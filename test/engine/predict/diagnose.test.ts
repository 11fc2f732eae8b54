import { describe, expect, it } from 'vitest';
import { diagnose, mistakesFor, type MistakeId } from '../../../src/engine/predict';
import { skipDag, tutorial, worked } from './nets';

// The slips learners really make, each written out here from the engine's readout (not from the
// diagnosis module), and the diagnosis each must get.

const round4 = (v: number) => Number(v.toPrecision(4));

function expectDiagnosis(q: Parameters<typeof diagnose>[0], answer: number, id: MistakeId, mentions?: string) {
  const d = diagnose(q, answer);
  expect(d.kind, `${q.key}: ${answer} against ${q.value}`).toBe('mistake');
  if (d.kind !== 'mistake') return;
  expect(d.mistake.id).toBe(id);
  if (mentions) expect(d.mistake.sentence).toContain(mentions);
}

describe('diagnosis on the 2-5-1 (example 0)', () => {
  const doc = tutorial();
  const { q, r, neuron, w, z } = worked(doc);
  const eta = doc.training.learningRate;
  const h = r.outputs[0].h;
  const y = r.outputs[0].y;

  it('σ(s) where σ′(s) belongs: at the output, and in a hidden neuron’s recursion', () => {
    expectDiagnosis(q('dhds:6:0'), z('6'), 'sigma-for-derivative', 'σ′(s)');
    expectDiagnosis(q('dhds:3:0'), neuron('6').dhds[0] * w('3->6') * z('3'), 'sigma-for-derivative');
  });

  it('forgetting the 2 of (h − y)·2, in ∂E/∂s and carried into ∂E/∂w and the update', () => {
    expectDiagnosis(q('dEds:6'), (h - y) * neuron('6').dhds[0], 'forgot-two', 'the 2');
    expectDiagnosis(q('dEds:3'), round4((h - y) * neuron('3').dhds[0]), 'forgot-two');
    expectDiagnosis(q('grad:in_x->3'), (h - y) * neuron('3').dhds[0] * z('in_x'), 'forgot-two');
    const g = 2 * (h - y) * neuron('3').dhds[0] * z('in_x');
    expectDiagnosis(q('update:in_x->3'), w('in_x->3') - (eta * g) / 2, 'forgot-two');
  });

  it('the wrong z_j: the target’s z, or another source’s', () => {
    expectDiagnosis(q('grad:in_x->3'), neuron('3').dEds * z('3'), 'wrong-z', 'z_3');
    expectDiagnosis(q('grad:in_x->3'), neuron('3').dEds * z('in_y'), 'wrong-z', 'z_in_y');
    const s1 = neuron('1').s;
    expectDiagnosis(q('s:1'), s1 - z('in_y') * w('in_y->1') + z('in_x') * w('in_y->1'), 'wrong-z', 'z_in_x where z_in_y');
  });

  it('the sign of the update: w + η·∂E/∂w', () => {
    const g = neuron('3').dEds * z('in_x');
    expectDiagnosis(q('update:in_x->3'), w('in_x->3') + eta * g, 'update-sign', 'against the gradient');
    expectDiagnosis(q('update:in_x->3'), round4(w('in_x->3') + eta * g), 'update-sign');
  });

  it('η forgotten, the change alone, the old weight', () => {
    const g = neuron('6').dEds * z('2');
    expectDiagnosis(q('update:2->6'), w('2->6') - g, 'forgot-eta', 'η');
    expectDiagnosis(q('update:2->6'), -eta * g, 'change-only');
    expectDiagnosis(q('update:2->6'), w('2->6'), 'old-weight');
  });

  it('s instead of z: z_k left as s_k, and s_j passed on where z_j belongs', () => {
    expectDiagnosis(q('z:3'), neuron('3').s, 's-for-z', 'σ(s_k)');
    const s6 = neuron('6').s;
    expectDiagnosis(q('s:6'), s6 - z('3') * w('3->6') + neuron('3').s * w('3->6'), 's-for-z', 's_3 where z_3');
  });

  it('off by the bias term: s_k without z_in_1·w_{in_1→k}', () => {
    expectDiagnosis(q('s:3'), neuron('3').s - w('in_1->3'), 'missing-bias', 'bias');
    expectDiagnosis(q('s:6'), round4(neuron('6').s - w('in_1->6')), 'missing-bias');
  });

  it('E with a ½, or without the square', () => {
    expectDiagnosis(q('E'), (h - y) ** 2 / 2, 'half', '½');
    expectDiagnosis(q('E'), h - y, 'not-squared');
  });

  it('a number no usual slip gives: says how far off it is', () => {
    const d = diagnose(q('s:3'), neuron('3').s + 0.3137);
    expect(d.kind).toBe('unknown');
    if (d.kind === 'unknown') expect(d.sentence).toMatch(/above the right value by 0\.314/);
  });
});

describe('diagnosis on a skip-connection DAG (a → o and a → b → o)', () => {
  const { q, r, neuron, w, z } = worked(skipDag());
  const h = r.outputs[0].h;
  const y = r.outputs[0].y;

  it('a missing successor in the Σ over successors names the one left out', () => {
    const a = neuron('a');
    expectDiagnosis(q('dhds:a:0'), neuron('o').dhds[0] * w('a->o') * a.dsigma, 'missing-successor', 'successor b');
    expectDiagnosis(q('dhds:a:0'), neuron('b').dhds[0] * w('a->b') * a.dsigma, 'missing-successor', 'successor o');
  });

  it('σ(s) where σ′(s) belongs, over both paths', () => {
    const paths = neuron('b').dhds[0] * w('a->b') + neuron('o').dhds[0] * w('a->o');
    expectDiagnosis(q('dhds:a:0'), paths * z('a'), 'sigma-for-derivative');
    expectDiagnosis(q('dhds:a:0'), paths, 'no-derivative');
  });

  it('forgetting the 2, the wrong z_j, s for z and the sign of the update on the skip edge', () => {
    expectDiagnosis(q('dEds:a'), (h - y) * neuron('a').dhds[0], 'forgot-two');
    expectDiagnosis(q('grad:a->o'), neuron('o').dEds * z('o'), 'wrong-z');
    expectDiagnosis(q('grad:a->o'), neuron('o').dEds * neuron('a').s, 's-for-z');
    expectDiagnosis(q('update:a->o'), w('a->o') + 0.5 * neuron('o').dEds * z('a'), 'update-sign');
  });

  it('a wrong sign alone', () => {
    expectDiagnosis(q('dEds:b'), -neuron('b').dEds, 'y-minus-h');
    expectDiagnosis(q('s:b'), -neuron('b').s, 'sign');
  });
});

describe('with the cross-entropy loss', () => {
  it('tries no slip that belongs to the squared error (the 2, the ½, the square)', () => {
    const doc = skipDag();
    const { all } = worked({ ...doc, training: { ...doc.training, loss: 'crossEntropy' } });
    const ids = all.flatMap((q) => mistakesFor(q).map((m) => m.id));
    expect(ids).not.toContain('forgot-two');
    expect(ids).not.toContain('half');
    expect(ids).not.toContain('not-squared');
    expect(ids).toContain('update-sign');
  });
});
