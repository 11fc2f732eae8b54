// What one pass gives the worksheet's row builders: the engine's readout of the example, the
// document's names and training options, and the engine's own update from this example alone.

import type { NeuronNode, TrainingOptions } from '../format/types';
import type { EdgeReadout, NeuronReadout, PassReadout } from '../readout';
import type { BlankRow } from './blanks';

export interface SheetUpdate {
  /** w' per edge id, from the engine's trainExample */
  next: Readonly<Record<string, number>>;
  /** v' per edge id (momentum only) */
  nextVelocity: Readonly<Record<string, number>>;
}

export interface Sheet {
  readout: PassReadout;
  nodes: Record<string, NeuronReadout | { id: string; z: number }>;
  edges: Record<string, EdgeReadout>;
  name: (id: string) => string;
  neuron: Record<string, NeuronNode>;
  outputIndex: Map<string, number>;
  y: readonly number[];
  eta: number;
  options: TrainingOptions;
  /** the edges from a bias node: not regularised */
  biasEdge: ReadonlySet<string>;
  /** v per edge id before the update (the document's velocity, 0 when absent) */
  velocity: Readonly<Record<string, number>>;
  update: SheetUpdate;
}

/** one line of the sheet: a quantity, its formula, the numbers in it, and whether it is blank */
export interface WorksheetRow extends BlankRow {
  /** the quantity in TeX, e.g. "s_{3}" */
  symbol: string;
  /** its formula in symbols */
  formula: string;
  /** the formula with this example's numbers substituted */
  substituted: string;
  /** the engine's value */
  value: number;
  /** the same value recomputed from the substituted (unrounded) numbers */
  check: number;
  blank: boolean;
}

export type Row = Omit<WorksheetRow, 'blank'>;

export const crossEntropy = (sheet: Sheet): boolean => sheet.options.loss === 'crossEntropy';
export const softmaxOutputs = (sheet: Sheet): boolean => sheet.readout.outputs.some((o) => sheet.neuron[o.nodeId]?.activation === 'softmax');
export const yTex = (sheet: Sheet, o: number): string => (sheet.y.length > 1 ? `y_{${o}}` : 'y');
