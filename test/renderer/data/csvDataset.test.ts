import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, generateDataset, parseGraph, serializeGraph, validateGraph, type GraphDoc } from '../../../src/engine';
import { formatDatasetCsv, parseCsv } from '../../../src/renderer/src/data/csv';
import { importCsv, type CsvImportRequest } from '../../../src/renderer/src/data/csvImport';
import { fittedDataset } from '../../../src/renderer/src/data/generatorSettings';
import { isFunctionFit } from '../../../src/renderer/src/data/plotCoords';
import { classOutputsMismatch, fitClassOutputs } from '../../../src/renderer/src/data/targetFix';

// Class labels, regression values and test examples through CSV and back.

const sigmoid = { low: 0, high: 1 };
const doc: GraphDoc = {
  nodes: [
    { id: 'a', type: 'input', feature: 0 },
    { id: 'b', type: 'input', feature: 1 },
    { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
  ],
  edges: [],
  dataset: { examples: [] },
  training: DEFAULT_TRAINING,
};

const request = (text: string, current: GraphDoc = doc): CsvImportRequest => ({
  bytes: new TextEncoder().encode(text),
  fileName: 'p.csv',
  doc: current,
  shape: { features: 2, outputs: 1 },
  targets: sigmoid,
  domain: { x: [-1, 1], y: [-1, 1] },
});

function imported(text: string, current: GraphDoc = doc) {
  const result = importCsv(request(text, current));
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

describe('CSV with class labels', () => {
  it('a class column of strings is the data set’s classes, in order of first appearance, with one-hot y', () => {
    const { examples, errors, classes } = parseCsv('x,y,class\n0,0,setosa\n1,1,"virginica, tall"\n0.5,0,versicolor\n0,1,setosa\n', sigmoid);
    expect(errors).toEqual([]);
    expect(classes).toEqual(['setosa', 'virginica, tall', 'versicolor']);
    expect(examples.map((e) => e.y)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });

  it('two labels on one output are its low and high targets; one label only is refused, named', () => {
    const two = parseCsv('x,y,class\n0,0,cat\n1,1,dog\n', { low: -1, high: 1 });
    expect(two.classes).toEqual(['cat', 'dog']);
    expect(two.examples.map((e) => e.y)).toEqual([[-1], [1]]);
    const one = parseCsv('x,y,class\n0,0,cat\n1,1,cat\n', sigmoid);
    expect(one.examples).toEqual([]);
    expect(one.errors[0].message).toBe("only one class label ('cat') in the file; a classification needs at least 2");
  });

  it('a generated 3-class spiral with test examples exports and re-imports to the same data set', () => {
    const generated = generateDataset('spiral', { count: 60, noise: 0.1, seed: 5, classes: 3, trainRatio: 0.8 });
    const dataset = fittedDataset(doc, generated);
    const labelled = { ...dataset, classes: ['red one', 'green, "quoted"', 'blue'], targets: ['red one', 'green, "quoted"', 'blue'] };
    const text = formatDatasetCsv(labelled, sigmoid);
    expect(text.split('\n').slice(0, 2)).toEqual(['# classes: red one,"green, ""quoted""",blue', 'x,y,class,test']);
    const back = imported(text);
    expect(back.classes).toEqual(labelled.classes);
    expect(back.examples).toEqual(labelled.examples);
    expect(back.examples.filter((e) => e.test)).toHaveLength(12);
    // the class order comes from the "# classes:" line, not from which label the file meets first
    expect(parseCsv('# classes: b,a\nx,y,class\n0,0,a\n1,1,b\n', sigmoid).classes).toEqual(['b', 'a']);
  });

  it('the imported k-class set keeps its k targets on a 1-output graph, which then asks for k outputs', () => {
    const back = imported('x,y,class\n0,0,a\n1,1,b\n0,1,c\n');
    expect(back.examples[2].y).toEqual([0, 0, 1]);
    expect(validateGraph({ ...doc, dataset: back }).map((i) => i.message)).toContain('example 0 has 3 values in y, but the graph has 1 output: y holds one value per output');
    const candidate = { ...doc, dataset: back };
    const fixed = fitClassOutputs(candidate, classOutputsMismatch(candidate)!);
    expect(validateGraph(fixed)).toEqual([]);
    expect(parseGraph(serializeGraph(fixed)).ok).toBe(true);
  });
});

describe('CSV for regression', () => {
  it('x,y,value is a regression set; a bad value is a bad row', () => {
    const { examples, errors, problem } = parseCsv('x,y,value\n0,0,0.25\n1,1,-3.5\n0,1,abc\n', sigmoid);
    expect(problem).toBe('regression');
    expect(examples).toEqual([
      { x: [0, 0], y: [0.25] },
      { x: [1, 1], y: [-3.5] },
    ]);
    expect(errors).toEqual([{ line: 4, message: "value is not a finite number: 'abc'" }]);
  });

  it('a numeric third column of a regression document is its values, even without a header', () => {
    expect(parseCsv('0,0,0.25\n', sigmoid, { regression: true }).examples).toEqual([{ x: [0, 0], y: [0.25] }]);
    expect(parseCsv('0,0,0.25\n', sigmoid).errors[0].message).toBe("class must be 0 or 1 (−1 also means the low class), found '0.25' (for values, name the column “value” in a header row)");
    // labels still make classes in a regression document
    expect(parseCsv('0,0,cat\n1,1,dog\n', sigmoid, { regression: true }).classes).toEqual(['cat', 'dog']);
  });

  it('the plane and the 1-D function, test examples included, export and re-import to the same data set', () => {
    for (const kind of ['plane', 'function'] as const) {
      const dataset = fittedDataset(doc, generateDataset(kind, { count: 50, noise: 0.05, seed: 2, trainRatio: 0.7 }));
      const text = formatDatasetCsv(dataset, sigmoid);
      expect(text.split('\n')[0]).toBe(kind === 'plane' ? 'x,y,value,test' : 'x,value,test');
      const back = imported(text, { ...doc, dataset: { problem: 'regression', examples: [] } });
      expect(back.problem, kind).toBe('regression');
      expect(back.examples, kind).toEqual(dataset.examples);
      expect(isFunctionFit(back), kind).toBe(kind === 'function');
    }
  });

  it('a test column takes 0/1, true/false or train/test; anything else is named', () => {
    const { examples, errors } = parseCsv('x,y,class,test\n0,0,1,test\n1,1,0,0\n1,0,1,maybe\n', sigmoid);
    expect(examples).toEqual([
      { x: [0, 0], y: [1], test: true },
      { x: [1, 1], y: [0] },
    ]);
    expect(errors).toEqual([{ line: 4, message: "test must be 0 or 1 (or train / test), found 'maybe'" }]);
  });
});
