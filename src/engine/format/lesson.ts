// A lesson a document may carry (format version 3, docs/graph-format.md "Lesson"): a title and
// ordered steps; each step has its text (Markdown, math between $…$), what is hidden, what the
// learner may not change, and one goal the app checks live (src/engine/lesson/goals.ts).
// Strict objects without `extra`: a lesson whose keys a reader does not know would run wrongly,
// so an unknown key is refused, naming its path.

import { z } from 'zod';
import './zodConfig';
import { LINE_BREAKS, textProblem } from './text';

/** a one-line text: no control characters */
const line = z.string().superRefine((value, ctx) => {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const title = line.refine((value) => value.trim().length > 0, 'a title must not be empty');
/** Markdown: line breaks and tabs allowed, other control characters not */
const markdown = z
  .string()
  .max(20_000, 'a step’s text is limited to 20 000 characters')
  .superRefine((value, ctx) => {
    const problem = textProblem(value, LINE_BREAKS);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const count = z.number().int().min(0);

/** what a step can hide: panels, controls, and the values written on the network */
export const hideableSchema = z.enum([
  /** the palette of new nodes */
  'palette',
  /** the data plot */
  'plot',
  /** the loss chart */
  'loss',
  /** the training settings (η, mode, …) */
  'settings',
  /** the data tools (generators, CSV) */
  'data',
  /** the details tabs (inspector, formulas, step-through) */
  'details',
  /** the legend over the canvas */
  'legend',
  /** Play and Pause */
  'play',
  /** Step (one epoch) */
  'step',
  /** Reset weights */
  'reset',
  /** the s, z and ∂h/∂s written on each neuron (until the learner presses Reveal) */
  'values',
]);
export const HIDEABLE = hideableSchema.options;

/** what a lesson can keep the learner from changing */
export const lockSchema = z.enum([
  /** nodes, edges, activations: the network's shape */
  'topology',
  /** setting a weight by hand, Reset (training still moves them) */
  'weights',
  /** η, the mode, shuffle, seed and the other training settings */
  'training',
  /** the examples and the domain */
  'data',
]);
export const LOCKS = lockSchema.options;

/** which examples a measured goal reads: the training examples (default) or the test ones */
export const exampleSetSchema = z.enum(['train', 'test']);

export const goalSchema = z.discriminatedUnion('kind', [
  /** read and continue: no goal */
  z.strictObject({ kind: z.literal('read') }),
  /** E = Σ_i E_i over the set, strictly below `below` */
  z.strictObject({ kind: z.literal('error'), below: z.number().positive('an error bound must be greater than 0'), set: exampleSetSchema.optional() }),
  /** accuracy over the set at least `atLeast` (a fraction, 0…1) */
  z.strictObject({
    kind: z.literal('accuracy'),
    atLeast: z.number().min(0, 'an accuracy is at least 0').max(1, 'an accuracy is a fraction, at most 1'),
    set: exampleSetSchema.optional(),
  }),
  /** at most so many neurons and/or edges */
  z
    .strictObject({ kind: z.literal('size'), maxNeurons: count.optional(), maxEdges: count.optional() })
    .refine((g) => g.maxNeurons !== undefined || g.maxEdges !== undefined, 'a size goal needs maxNeurons, maxEdges or both'),
  /** so many right predictions in a row */
  z.strictObject({ kind: z.literal('streak'), atLeast: z.number().int().min(1, 'a streak is at least 1') }),
  /** the weight of one edge positive or negative */
  z.strictObject({ kind: z.literal('weightSign'), edge: title, sign: z.enum(['positive', 'negative']) }),
  /** training.epoch at least `atLeast` (press Step until …) */
  z.strictObject({ kind: z.literal('epoch'), atLeast: z.number().int().min(1, 'an epoch goal is at least 1') }),
]);
export const GOAL_KINDS = ['read', 'error', 'accuracy', 'size', 'streak', 'weightSign', 'epoch'] as const;

export const lessonStepSchema = z.strictObject({
  /** a short heading */
  title: title.optional(),
  /** Markdown; math between $…$ (inline) or $$…$$ (display), rendered with KaTeX */
  text: markdown,
  /** what is hidden while the step is shown */
  hide: z.array(hideableSchema).optional(),
  /** what the learner may not change while the step is shown */
  locks: z.array(lockSchema).optional(),
  goal: goalSchema,
});

export const lessonSchema = z.strictObject({
  title,
  steps: z.array(lessonStepSchema).min(1, 'a lesson needs at least one step').max(200, 'a lesson has at most 200 steps'),
});

export type Hideable = z.output<typeof hideableSchema>;
export type Lock = z.output<typeof lockSchema>;
export type ExampleSet = z.output<typeof exampleSetSchema>;
export type Goal = z.output<typeof goalSchema>;
export type GoalKind = Goal['kind'];
export type LessonStep = z.output<typeof lessonStepSchema>;
export type Lesson = z.output<typeof lessonSchema>;
