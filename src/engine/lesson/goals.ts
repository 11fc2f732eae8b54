// Whether a lesson step's goal is met by the facts at hand, and the goal and its state in words
// for the lesson panel ("E = 0.41, below 0.1 needed").

import type { Goal } from '../format/lesson';
import type { LessonFacts } from './facts';

/** the goal holds for these facts; a "read" step's always does */
export function goalMet(goal: Goal, facts: LessonFacts): boolean {
  switch (goal.kind) {
    case 'read':
      return true;
    case 'error': {
      const e = goal.set === 'test' ? facts.testError : facts.error;
      return e !== null && e < goal.below;
    }
    case 'accuracy': {
      const a = goal.set === 'test' ? facts.testAccuracy : facts.accuracy;
      return a !== null && a >= goal.atLeast;
    }
    case 'size':
      return (goal.maxNeurons === undefined || facts.neurons <= goal.maxNeurons) && (goal.maxEdges === undefined || facts.edges <= goal.maxEdges);
    case 'streak':
      return facts.streak >= goal.atLeast;
    case 'weightSign': {
      const w = facts.weights[goal.edge];
      return w !== undefined && (goal.sign === 'positive' ? w > 0 : w < 0);
    }
    case 'epoch':
      return facts.epoch >= goal.atLeast;
  }
}

const percent = (a: number): string => `${Math.round(a * 1000) / 10}%`;
const short = (v: number): string => (Math.abs(v) >= 0.001 || v === 0 ? String(Number(v.toPrecision(3))) : v.toExponential(2));

/** how an edge is called: its id unless the caller names it (the panel says "in_1 → 1") */
export type EdgeNamer = (edgeId: string) => string;

/** the goal as the learner reads it: "Bring E on the test examples below 0.5" */
export function describeGoal(goal: Goal, edgeName: EdgeNamer = (id) => id): string {
  switch (goal.kind) {
    case 'read':
      return 'Read, then continue';
    case 'error':
      return `Bring E${goal.set === 'test' ? ' on the test examples' : ''} below ${goal.below}`;
    case 'accuracy':
      return `Reach ${goal.set === 'test' ? 'test ' : ''}accuracy of at least ${percent(goal.atLeast)}`;
    case 'size': {
      const parts = [goal.maxNeurons !== undefined && `${goal.maxNeurons} neurons`, goal.maxEdges !== undefined && `${goal.maxEdges} edges`];
      return `Use at most ${parts.filter(Boolean).join(' and ')}`;
    }
    case 'streak':
      return `Predict ${goal.atLeast} values right in a row`;
    case 'weightSign':
      return `Make the weight of ${edgeName(goal.edge)} ${goal.sign}`;
    case 'epoch':
      return `Press Step until the epoch is at least ${goal.atLeast}`;
  }
}

/** where the learner stands: "E = 0.412" — or why the goal cannot be read yet */
export function goalState(goal: Goal, facts: LessonFacts): string {
  switch (goal.kind) {
    case 'read':
      return '';
    case 'error': {
      const e = goal.set === 'test' ? facts.testError : facts.error;
      return e === null ? `no ${goal.set === 'test' ? 'test ' : 'training '}examples to measure E on` : `E = ${short(e)}`;
    }
    case 'accuracy': {
      const a = goal.set === 'test' ? facts.testAccuracy : facts.accuracy;
      return a === null ? 'no accuracy to measure yet' : `accuracy ${percent(a)}`;
    }
    case 'size':
      return `${facts.neurons} neurons, ${facts.edges} edges`;
    case 'streak':
      return `streak ${facts.streak}`;
    case 'weightSign': {
      const w = facts.weights[goal.edge];
      return w === undefined ? `there is no edge ${goal.edge}` : `w = ${short(w)}`;
    }
    case 'epoch':
      return `epoch ${facts.epoch}`;
  }
}
