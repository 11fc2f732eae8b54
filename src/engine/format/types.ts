// The document model: exactly what a graph file holds (docs/graph-format.md), after defaults.
// Every object may carry `extra`: the unknown keys read from the file, written back on save.

export const ACTIVATIONS = ['sigmoid', 'tanh', 'linear', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export type Extra = Record<string, unknown>;

export interface Position {
  x: number;
  y: number;
  extra?: Extra;
}

interface NodeBase {
  id: string;
  /** display name; absent means "show the id" */
  label?: string;
  /** canvas coordinates; absent means "lay the graph out" */
  position?: Position;
  extra?: Extra;
}

export interface InputNode extends NodeBase {
  type: 'input';
  /** index into an example's `x` */
  feature: number;
}

/** the constant node `in_1`: z = 1 */
export interface BiasNode extends NodeBase {
  type: 'bias';
}

export interface NeuronNode extends NodeBase {
  type: 'neuron';
  activation: Activation;
  /** present only on output neurons: index into an example's `y` */
  output?: number;
}

export type GraphNode = InputNode | BiasNode | NeuronNode;
export type NodeType = GraphNode['type'];

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** w_{source→target} */
  weight: number;
  extra?: Extra;
}

export interface Example {
  x: number[];
  y: number[];
  extra?: Extra;
}

export interface Domain {
  x: [number, number];
  y: [number, number];
  extra?: Extra;
}

export interface Dataset {
  features?: string[];
  targets?: string[];
  examples: Example[];
  domain?: Domain;
  extra?: Extra;
}

export type TrainingMode = 'sequential' | 'batch';

export interface TrainingSettings {
  /** η */
  learningRate: number;
  mode: TrainingMode;
  shuffle: boolean;
  seed: number;
  /** completed epochs */
  epoch: number;
  extra?: Extra;
}

export const DEFAULT_TRAINING: Readonly<TrainingSettings> = {
  learningRate: 0.5,
  mode: 'sequential',
  shuffle: false,
  seed: 1,
  epoch: 0,
};

export const FORMAT_ID = 'backprop-studio.graph';
export const CURRENT_VERSION = 1;

export interface GraphDoc {
  name?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  dataset: Dataset;
  training: TrainingSettings;
  /** unknown top-level keys */
  extra?: Extra;
}
