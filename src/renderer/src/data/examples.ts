import type { Example, GraphDoc } from '../../../engine/format/types';

// Points placed or generated in 2-D still have to fit the document: one x per feature the
// document's examples have (extra features 0) and one y per output (every output gets the class).

export interface ExampleShape {
  features: number;
  outputs: number;
}

export function exampleShape(doc: Pick<GraphDoc, 'nodes' | 'dataset'>): ExampleShape {
  const first = doc.dataset.examples[0];
  let features = 2;
  let outputs = 1;
  for (const n of doc.nodes) {
    if (n.type === 'input') features = Math.max(features, n.feature + 1);
    if (n.type === 'neuron' && n.output !== undefined) outputs = Math.max(outputs, n.output + 1);
  }
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
    return { ...fitted, y: fitted.y.map((t, o) => e.y[o] ?? t) };
  });
}
