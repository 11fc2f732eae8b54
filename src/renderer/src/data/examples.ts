import type { Example, GraphDoc } from '../../../engine/format/types';

// Points placed or generated in 2-D still have to fit the document: one x per feature the
// document's examples have (extra features 0) and one y per output (every output gets the class).

export interface ExampleShape {
  features: number;
  outputs: number;
}

/** what the graph reads: 2 features at least (the plane), one per input; one y per output */
export function graphShape(doc: Pick<GraphDoc, 'nodes'>): ExampleShape {
  let features = 2;
  let outputs = 1;
  for (const n of doc.nodes) {
    if (n.type === 'input') features = Math.max(features, n.feature + 1, (n.times ?? 0) + 1);
    if (n.type === 'neuron' && n.output !== undefined) outputs = Math.max(outputs, n.output + 1);
  }
  return { features, outputs };
}

/** the graph's shape, widened to what the document's examples already hold */
export function exampleShape(doc: Pick<GraphDoc, 'nodes' | 'dataset'>): ExampleShape {
  const first = doc.dataset.examples[0];
  const { features, outputs } = graphShape(doc);
  return { features: Math.max(features, first?.x.length ?? 0), outputs: Math.max(outputs, first?.y.length ?? 0) };
}

export function pointExample(x: number, y: number, target: number, shape: ExampleShape): Example {
  const xs = new Array<number>(shape.features).fill(0);
  xs[0] = x;
  xs[1] = y;
  return { x: xs, y: new Array<number>(shape.outputs).fill(target) };
}

/** each example in the document's shape: x and y of the plane, its own targets (a missing one repeats the first) */
export function fitExamples(examples: readonly Example[], shape: ExampleShape): Example[] {
  return examples.map((e) => {
    const fitted = pointExample(e.x[0] ?? 0, e.x[1] ?? 0, e.y[0] ?? 0, shape);
    const y = fitted.y.map((t, o) => e.y[o] ?? t);
    return e.test ? { ...fitted, y, test: true } : { ...fitted, y };
  });
}

/** each example's x padded with 0 to `features` values (its y and test flag kept) */
export function padFeatures(examples: readonly Example[], features: number): Example[] {
  return examples.map((e) => (e.x.length >= features ? e : { ...e, x: [...e.x, ...new Array<number>(features - e.x.length).fill(0)] }));
}
