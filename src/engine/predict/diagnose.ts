// The first term that differs: given a learner's wrong number, try the slips learners really
// make, in a fixed order per quantity, and name the first one that reproduces the number
// (within the same tolerance as the check). A slip whose result is the right value anyway (a
// missing term that is 0, z_j = 1 for the bias) cannot be told apart and is skipped.

import { ACTIVATION_CODE, activate, activateDerivative } from '../activation';
import type { Activation } from '../format/types';
import { agrees } from './check';
import type { Quantity } from './quantities';

export const MISTAKE_IDS = [
  'missing-bias',
  'missing-term',
  'wrong-z',
  's-for-z',
  'derivative-for-activation',
  'negated-s',
  'half',
  'not-squared',
  'sigma-for-derivative',
  'missing-successor',
  'no-derivative',
  'one-for-derivative',
  'forgot-two',
  'y-minus-h',
  'no-error-factor',
  'no-z',
  'update-sign',
  'forgot-eta',
  'change-only',
  'old-weight',
  'plain-step',
  'sign',
] as const;
export type MistakeId = (typeof MISTAKE_IDS)[number];

/** one slip: the number it gives and the sentence that names it */
export interface Mistake {
  id: MistakeId;
  value: number;
  sentence: string;
}

export type Diagnosis = { kind: 'right' } | { kind: 'mistake'; mistake: Mistake } | { kind: 'unknown'; sentence: string };

const mistake = (id: MistakeId, value: number, sentence: string): Mistake => ({ id, value, sentence });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** σ(s), σ′(s) for one activation (softmax outputs are not one neuron's function: none) */
function activationFns(a: Activation) {
  if (a === 'softmax') return null;
  const code = ACTIVATION_CODE[a];
  return { f: (s: number) => activate(code, s), df: (s: number) => activateDerivative(code, s, activate(code, s)) };
}

/** σ′ written through z (sigmoid z(1 − z), tanh 1 − z²) with s put where z belongs */
function derivativeWithS(a: Activation, s: number): number | null {
  if (a === 'sigmoid') return s * (1 - s);
  if (a === 'tanh') return 1 - s * s;
  return null;
}

type Of<K extends Quantity['kind']> = Extract<Quantity, { kind: K }>;

function sumMistakes(q: Of<'s'>): Mistake[] {
  const out: Mistake[] = [];
  const total = sum(q.terms.map((t) => t.z * t.w));
  for (const t of q.terms.filter((t) => t.bias)) {
    out.push(mistake('missing-bias', total - t.z * t.w, `You left out the bias term 1·w_{${t.sourceName}→${q.name}}: the bias is a weight from ${t.sourceName}, whose z is always 1.`));
  }
  for (const t of q.terms.filter((t) => !t.bias)) {
    out.push(mistake('missing-term', total - t.z * t.w, `You left out the term z_${t.sourceName}·w_{${t.sourceName}→${q.name}}: s_${q.name} sums over every edge into ${q.name}.`));
  }
  for (const t of q.terms) {
    for (const other of q.terms.filter((o) => o !== t)) {
      out.push(mistake('wrong-z', total - t.z * t.w + other.z * t.w, `You used z_${other.sourceName} where z_${t.sourceName} belongs, in the term for w_{${t.sourceName}→${q.name}}: each weight multiplies the z of its own edge's source.`));
    }
  }
  for (const t of q.terms.filter((t) => t.s !== undefined)) {
    out.push(mistake('s-for-z', total - t.z * t.w + (t.s ?? 0) * t.w, `You used s_${t.sourceName} where z_${t.sourceName} belongs: a neuron passes on z = σ(s), not s.`));
  }
  return out;
}

function activationMistakes(q: Of<'z'>): Mistake[] {
  const fns = activationFns(q.activation);
  const out = [mistake('s-for-z', q.s, 'You wrote s_k: z_k = σ(s_k) applies the activation to the sum.')];
  if (!fns) return out;
  out.push(mistake('derivative-for-activation', fns.df(q.s), 'You used σ′(s) where σ(s) belongs: z_k is the activation itself, not its slope.'));
  out.push(mistake('negated-s', fns.f(-q.s), 'You used σ(−s_k): check the sign of s_k.'));
  return out;
}

function errorMistakes(q: Of<'E'>): Mistake[] {
  if (q.loss !== 'squared') return [];
  const residuals = q.outputs.map((o) => o.h - o.y);
  return [
    mistake('half', q.value / 2, 'You halved it: this tutorial’s E_i = Σ (h − y)² has no ½ in front.'),
    mistake('not-squared', sum(residuals), 'You did not square h − y: E_i = Σ (h − y)².'),
    mistake('not-squared', sum(residuals.map(Math.abs)), 'You took |h − y|: E_i squares it, (h − y)².'),
  ];
}

function dhdsMistakes(q: Of<'dhds'>): Mistake[] {
  const withS = derivativeWithS(q.activation, q.s);
  if (q.isOutput) {
    const out = [
      mistake('sigma-for-derivative', q.z, 'You used σ(s) where σ′(s) belongs: at the output ∂h/∂s = σ′(s), the slope.'),
      mistake('one-for-derivative', 1, 'You wrote 1: h = σ(s), so ∂h/∂s = σ′(s), not 1.'),
    ];
    if (withS !== null) out.push(mistake('s-for-z', withS, 'You used s instead of z in σ′: for this activation σ′ is written through z = σ(s).'));
    return out;
  }
  const paths = q.successors.map((t) => t.dhds * t.w);
  const total = sum(paths);
  const out = [mistake('sigma-for-derivative', total * q.z, 'You used σ(s) where σ′(s) belongs: each path is multiplied by the slope σ′(s_k), not by z_k.')];
  for (const t of q.successors) {
    out.push(mistake('missing-successor', (total - t.dhds * t.w) * q.dsigma, `You left out the successor ${t.targetName}: ∂h/∂s_${q.name} sums over every edge out of ${q.name}, and ${q.name}→${t.targetName} is one.`));
  }
  out.push(mistake('no-derivative', total, 'You forgot σ′(s_k): every path through k is multiplied by its slope σ′(s_k).'));
  if (withS !== null) out.push(mistake('s-for-z', total * withS, 'You used s instead of z in σ′(s_k): for this activation σ′ is written through z = σ(s).'));
  return out;
}

function dEdsMistakes(q: Of<'dEds'>): Mistake[] {
  if (q.loss !== 'squared') return [];
  const raw = sum(q.outputs.map((t) => (t.h - t.y) * t.dhds));
  return [
    mistake('forgot-two', raw, 'You forgot the 2 of (h − y)·2: ∂E/∂s_k = 2(h − y)·∂h/∂s_k, since E has no ½.'),
    mistake('y-minus-h', -2 * raw, 'You used (y − h) where (h − y) belongs: the sign is flipped.'),
    mistake('no-error-factor', sum(q.outputs.map((t) => t.dhds)), 'You gave ∂h/∂s_k: ∂E/∂s_k multiplies it by 2(h − y).'),
  ];
}

function gradMistakes(q: Of<'grad'>): Mistake[] {
  const out = [mistake('wrong-z', q.dEds * q.targetZ, `You used z_${q.targetName} (the edge's target) where z_${q.sourceName} (its source) belongs: ∂s_k/∂w_{j→k} = z_j.`)];
  for (const o of q.others) {
    out.push(mistake('wrong-z', q.dEds * o.z, `You used z_${o.name} where z_${q.sourceName} belongs: the gradient of w_{${q.sourceName}→${q.targetName}} takes the z of its own source.`));
  }
  if (q.s !== undefined) out.push(mistake('s-for-z', q.dEds * q.s, `You used s_${q.sourceName} where z_${q.sourceName} belongs: the neuron passes on z = σ(s).`));
  if (q.loss === 'squared') {
    out.push(mistake('forgot-two', (q.dEds / 2) * q.z, 'You forgot the 2 of (h − y)·2 in ∂E/∂s_k: E has no ½, so the 2 stays.'));
    out.push(mistake('no-error-factor', sum(q.dhds) * q.z, 'You used ∂h/∂s_k where ∂E/∂s_k belongs: it still needs the factor 2(h − y).'));
  }
  out.push(mistake('no-z', q.dEds, `You gave ∂E/∂s_k: ∂E/∂w_{j→k} multiplies it by z_${q.sourceName}.`));
  return out;
}

function updateMistakes(q: Of<'update'>): Mistake[] {
  // the step's direction: the gradient, or with a regulariser g = gradient + R(w), with momentum v′ (q.change = η · it)
  const d = q.change / q.eta;
  const grad = q.plain ? (q.batch ? 'Σᵢ ∂Eᵢ/∂w' : '∂E/∂w') : 'its step (the gradient with the regulariser’s term, or momentum’s v′)';
  const two = q.loss === 'squared' && q.plain ? [mistake('forgot-two', q.w - (q.eta * q.gradient) / 2, 'You forgot the 2 of (h − y)·2 in the gradient: E has no ½, so the 2 stays.')] : [];
  const plainStep = q.plain ? [] : [mistake('plain-step', q.w - q.eta * q.gradient, 'You stepped along ∂E/∂w alone: this document’s update adds the regulariser’s term (λ sign w or 2λw, not on bias edges) or momentum (v′ = βv + g, w′ = w − ηv′).')];
  return [
    ...plainStep,
    mistake('update-sign', q.w + q.change, q.plain ? `You added: the update goes against the gradient, w − η·${grad}, not w + η·${grad}.` : `You added: the update goes against ${grad}, w − η·(it), not w + η·(it).`),
    mistake('forgot-eta', q.w - d, `You forgot η: the step is η·${grad}, with η = ${q.eta}.`),
    mistake('change-only', -q.change, `You gave the change Δw = −η·${grad}: the new weight is w + Δw.`),
    ...two,
    mistake('old-weight', q.w, `That is the old weight: the new one is w − η·${grad}.`),
  ];
}

/** the slips tried for q, in the order they are tried (the sign of the whole last) */
export function mistakesFor(q: Quantity): Mistake[] {
  const specific = (() => {
    switch (q.kind) {
      case 's':
        return sumMistakes(q);
      case 'z':
        return activationMistakes(q);
      case 'E':
        return errorMistakes(q);
      case 'dhds':
        return dhdsMistakes(q);
      case 'dEds':
        return dEdsMistakes(q);
      case 'grad':
        return gradMistakes(q);
      case 'update':
        return updateMistakes(q);
    }
  })();
  const all = [...specific, mistake('sign', -q.value, 'Right size, wrong sign: check the sign of each factor.')];
  // a slip that gives the right value cannot be what went wrong
  return all.filter((m) => Number.isFinite(m.value) && !agrees(q, m.value, q.value));
}

/** what went wrong with `answer`: right, the first slip that reproduces it, or a sentence saying how far off it is */
export function diagnose(q: Quantity, answer: number): Diagnosis {
  if (agrees(q, answer, q.value)) return { kind: 'right' };
  const found = mistakesFor(q).find((m) => agrees(q, answer, m.value));
  if (found) return { kind: 'mistake', mistake: found };
  const off = answer - q.value;
  const relative = q.value !== 0 ? ` (${Math.abs((100 * off) / q.value).toPrecision(2)}%)` : '';
  return { kind: 'unknown', sentence: `None of the usual slips gives your number; it is ${off > 0 ? 'above' : 'below'} the right value by ${Math.abs(off).toPrecision(3)}${relative}. Check each term of the formula.` };
}
