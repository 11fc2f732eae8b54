import { createStore } from 'zustand/vanilla';
import { readable } from '../format/number';
import { PREDICT_PHASES, checkAnswer, diagnose, signOf, type Diagnosis, type PredictPhase, type Quantity, type Sign } from '../../../engine/predict';

// Predict, then reveal: whether the step-through asks before it shows, at which level, what has
// been revealed for the example in hand, the wrong answer on show, the tally per phase and the
// current streak (a lesson's "prediction streak" goal reads `streak`).
//
// What is revealed belongs to one context (the example in hand at one document revision): a
// different context has nothing revealed, so nothing needs clearing when the example changes.

export const PREDICT_LEVELS = ['number', 'sign', 'choice'] as const;
export type PredictLevel = (typeof PREDICT_LEVELS)[number];

export interface Tally {
  right: number;
  wrong: number;
  revealed: number;
}

export interface WrongAnswer {
  key: string;
  answer: number;
  /** the answer as the learner gave it: the number, or the sign picked */
  shown: string;
  diagnosis: Diagnosis;
}

const SIGN_WORDS: Record<Sign, string> = { [-1]: 'negative', 0: 'zero', 1: 'positive' };

export interface PredictState {
  on: boolean;
  level: PredictLevel;
  /** whose reveals `revealed` holds: "example@revision" */
  context: string | null;
  /** quantity key → how it was revealed */
  revealed: Readonly<Record<string, 'right' | 'revealed'>>;
  /** keys of the quantities still blank: the step in hand's, or the on-screen worksheet's (the canvas and the inspector hide them) */
  hidden: readonly string[];
  /** the formula inspector shows only what the canvas's reveal shows, less `hidden` (predicting, or a worksheet being worked) */
  masking: boolean;
  /** the wrong answer on show (Retry or Reveal), or null */
  wrong: WrongAnswer | null;
  tallies: Readonly<Record<PredictPhase, Tally>>;
  /** right answers in a row (a wrong answer or a reveal ends it) */
  streak: number;
  best: number;
  /** the last verdict in words, for the screen reader's live region */
  announcement: string;
}

const ZERO: Tally = { right: 0, wrong: 0, revealed: 0 };
const emptyTallies = (): Record<PredictPhase, Tally> =>
  Object.fromEntries(PREDICT_PHASES.map((p) => [p, ZERO])) as Record<PredictPhase, Tally>;

export const INITIAL_PREDICT: PredictState = {
  on: false,
  level: 'number',
  context: null,
  revealed: {},
  hidden: [],
  masking: false,
  wrong: null,
  tallies: emptyTallies(),
  streak: 0,
  best: 0,
  announcement: '',
};

/** the sentence a diagnosis comes down to */
export function diagnosisSentence(d: Diagnosis): string {
  if (d.kind === 'mistake') return d.mistake.sentence;
  if (d.kind === 'unknown') return d.sentence;
  return 'Right.';
}

/** the context of a step-through's reveals: the example in hand at a document revision */
export const predictContext = (exampleIndex: number, revision: number): string => `${exampleIndex}@${revision}`;

const NOTHING_REVEALED: Readonly<Record<string, 'right' | 'revealed'>> = Object.freeze({});

/** what is revealed in `context` (nothing, in any other; the same empty object, so a selector stays stable) */
export const revealedIn = (s: Pick<PredictState, 'context' | 'revealed'>, context: string): Readonly<Record<string, 'right' | 'revealed'>> =>
  s.context === context ? s.revealed : NOTHING_REVEALED;

const bump = (t: Readonly<Record<PredictPhase, Tally>>, phase: PredictPhase, field: keyof Tally) => ({
  ...t,
  [phase]: { ...t[phase], [field]: t[phase][field] + 1 },
});

export function createPredictStore() {
  const store = createStore<PredictState>(() => INITIAL_PREDICT);

  function markRevealed(context: string, key: string, how: 'right' | 'revealed') {
    store.setState((s) => ({ context, revealed: { ...revealedIn(s, context), [key]: how }, wrong: null }));
  }

  function judge(context: string, q: Quantity, right: boolean, wrong: WrongAnswer) {
    if (right) {
      markRevealed(context, q.key, 'right');
      store.setState((s) => ({
        tallies: bump(s.tallies, q.phase, 'right'),
        streak: s.streak + 1,
        best: Math.max(s.best, s.streak + 1),
        announcement: `Right: ${q.label} = ${readable(q.value)}.`,
      }));
      return;
    }
    store.setState((s) => ({
      wrong,
      tallies: bump(s.tallies, q.phase, 'wrong'),
      streak: 0,
      announcement: `Not right: ${q.label} is ${readable(q.value)}, you answered ${wrong.shown}. ${diagnosisSentence(wrong.diagnosis)}`,
    }));
  }

  return Object.assign(store, {
    setOn: (on: boolean) => store.setState({ on, wrong: null }),
    setLevel: (level: PredictLevel) => store.setState({ level, wrong: null }),
    /** checks an answer to q: right reveals it and extends the streak; wrong shows the diagnosis and ends the streak */
    submit(context: string, q: Quantity, answer: number): Diagnosis {
      const right = checkAnswer(q, answer).right;
      const diagnosis: Diagnosis = right ? { kind: 'right' } : diagnose(q, answer);
      judge(context, q, right, { key: q.key, answer, shown: readable(answer), diagnosis });
      return diagnosis;
    },
    /** the easier level: checks a picked sign of q */
    submitSign(context: string, q: Quantity, sign: Sign): boolean {
      const want = signOf(q);
      const sentence = `${q.label} is ${SIGN_WORDS[want]}: its sign comes from the signs of the factors in its formula.`;
      judge(context, q, sign === want, { key: q.key, answer: sign, shown: SIGN_WORDS[sign], diagnosis: { kind: 'unknown', sentence } });
      return sign === want;
    },
    /** back to the answer field after a wrong answer */
    retry: () => store.setState({ wrong: null }),
    /** shows q without an answer (counted as revealed; the streak ends) */
    reveal(context: string, q: Quantity): void {
      markRevealed(context, q.key, 'revealed');
      store.setState((s) => ({ tallies: bump(s.tallies, q.phase, 'revealed'), streak: 0, announcement: `Revealed: ${q.label} = ${readable(q.value)}.` }));
    },
    /** what is still blank, and whether the inspector hides it too (written where the canvas's reveal is: stepper/useRevealSync.ts) */
    setMask(keys: readonly string[], masking: boolean): void {
      const prev = store.getState();
      const same = prev.masking === masking && prev.hidden.length === keys.length && prev.hidden.every((k, i) => k === keys[i]);
      if (!same) store.setState({ hidden: keys, masking });
    },
    resetTally: () => store.setState({ tallies: emptyTallies(), streak: 0, best: 0 }),
  });
}

export type PredictStore = ReturnType<typeof createPredictStore>;
