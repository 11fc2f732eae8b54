// What a lesson's goals read (goals.ts): the measurements of the document as it stands, and the
// prediction streak, which comes from elsewhere (the step-through's predict mode). Pure: the app
// computes them when the document changes, a test from a document it trained itself.

import type { GraphDoc } from '../format/types';
import { compile } from '../compile';
import { evaluateSplit } from '../evaluate';

export interface LessonFacts {
  /** E = Σ_i E_i over the training examples; null without any (or when the graph breaks a rule) */
  error: number | null;
  /** E over the test examples; null without any */
  testError: number | null;
  /** fraction of the training examples classified right; null without any, or for a regression */
  accuracy: number | null;
  testAccuracy: number | null;
  neurons: number;
  edges: number;
  /** w by edge id */
  weights: Readonly<Record<string, number>>;
  /** training.epoch: completed epochs */
  epoch: number;
  /** right predictions in a row */
  streak: number;
}

/** the document's counts, weights and epoch, without measuring it */
export function shapeFacts(doc: GraphDoc, streak = 0): LessonFacts {
  const weights: Record<string, number> = {};
  for (const e of doc.edges) weights[e.id] = e.weight;
  return {
    error: null,
    testError: null,
    accuracy: null,
    testAccuracy: null,
    neurons: doc.nodes.filter((n) => n.type === 'neuron').length,
    edges: doc.edges.length,
    weights,
    epoch: doc.training.epoch,
    streak,
  };
}

/** every fact of the document at its weights: one forward pass per example */
export function lessonFacts(doc: GraphDoc, streak = 0, net = compileOrNull(doc)): LessonFacts {
  const facts = shapeFacts(doc, streak);
  if (!net || net.numOutputs === 0) return facts;
  const { train, test, testCount } = evaluateSplit(net, doc.dataset.examples);
  const trainCount = doc.dataset.examples.length - testCount;
  const regression = doc.dataset.problem === 'regression';
  return {
    ...facts,
    error: trainCount > 0 ? train.error : null,
    testError: testCount > 0 ? test.error : null,
    accuracy: trainCount > 0 && !regression ? train.accuracy : null,
    testAccuracy: testCount > 0 && !regression ? test.accuracy : null,
  };
}

function compileOrNull(doc: GraphDoc): ReturnType<typeof compile> | null {
  try {
    return compile(doc);
  } catch {
    return null;
  }
}
