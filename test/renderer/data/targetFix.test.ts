import { describe, expect, it } from 'vitest';
import { compile, parseGraph, trainEpoch, validateGraph, type GraphDoc } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { addMissingTargets, classOutputsLabel, classOutputsMismatch, describeClassOutputs, describeMissing, fitClassOutputs, missingTargets, onlyOutput } from '../../../src/renderer/src/data/targetFix';
import { parseCsv } from '../../../src/renderer/src/data/csv';
import { exampleShape, fitExamples } from '../../../src/renderer/src/data/examples';

function twoOutputs(): GraphDoc {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  // tick "Output neuron" on hidden neuron 5 as well: it becomes output 2 (index 1)
  return { ...r.doc, nodes: r.doc.nodes.map((n) => (n.id === '5' && n.type === 'neuron' ? { ...n, output: 1 } : n)) };
}

describe('a second output neuron', () => {
  it('says plainly what is missing', () => {
    const doc = twoOutputs();
    expect(validateGraph(doc).length).toBeGreaterThan(0); // the engine refuses it as it is
    const m = missingTargets(doc)!;
    expect(m).toEqual({ outputs: 2, targets: 1 });
    expect(describeMissing(m)).toBe('Output 2 has no target yet: the examples have 1 value in y, one per output is needed.');
  });

  it('trains once every example has a target for it (the other class: one-hot over two outputs)', () => {
    const doc = twoOutputs();
    const fixed = addMissingTargets(doc, missingTargets(doc)!);
    expect(validateGraph(fixed)).toEqual([]);
    expect(missingTargets(fixed)).toBeNull();
    fixed.dataset.examples.forEach((e, i) => {
      expect(e.y[0]).toBe(doc.dataset.examples[i].y[0]);
      expect(e.y[0] + e.y[1]).toBe(1);
    });
    const net = compile(fixed);
    const before = Array.from(net.weights);
    trainEpoch(net, fixed.dataset.examples, fixed.training);
    expect(Array.from(net.weights)).not.toEqual(before);
  });

  it('or goes back to one output', () => {
    const doc = onlyOutput(twoOutputs(), '6');
    expect(validateGraph(doc)).toEqual([]);
    expect(doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).map((n) => n.id)).toEqual(['6']);
  });
});

describe('CSV with a class per output', () => {
  const targets = { low: 0, high: 1 };
  it('accepts x,y,c1,c2 when the graph has two outputs, and keeps both targets', () => {
    const { examples, errors } = parseCsv('x,y,a,b\n0.5,0.25,1,0\n-0.5,0,0,1\n', targets, {}, 2);
    expect(errors).toEqual([]);
    expect(examples.map((e) => e.y)).toEqual([[1, 0], [0, 1]]);
    const doc = twoOutputs();
    expect(fitExamples(examples, exampleShape(doc)).map((e) => e.y)).toEqual([[1, 0], [0, 1]]);
  });
  it('says what it expected when the columns do not fit', () => {
    const { errors } = parseCsv('0.5,0.25,1,0,1\n', targets, {}, 2);
    expect(errors[0].message).toBe('expected 3 values (x,y,class) or 4 (x,y and a class for each of the 2 outputs), found 5');
  });
});

describe('k classes need k outputs', () => {
  function spiralOn(doc: GraphDoc, k: number): GraphDoc {
    const labels = Array.from({ length: k }, (_, c) => `class ${c}`);
    const examples = Array.from({ length: 12 }, (_, i) => ({ x: [i / 12, -i / 12], y: labels.map((_, o) => (o === i % k ? 1 : 0)) }));
    return { ...doc, dataset: { ...doc.dataset, classes: labels, targets: labels, examples } };
  }
  const tutorial = (): GraphDoc => {
    const r = parseGraph(tutorialText);
    if (!r.ok) throw r.error;
    return r.doc;
  };

  it('says what is missing and adds the outputs, fed by output 1’s sources, in one edit; the graph then trains', () => {
    const doc = spiralOn(tutorial(), 3);
    const m = classOutputsMismatch(doc)!;
    expect(m).toEqual({ classes: 3, outputs: 1 });
    expect(describeClassOutputs(m)).toBe('3 classes need 3 output neurons, one per class (softmax or not); the graph has 1.');
    expect(classOutputsLabel(m)).toBe('Add outputs 2…3');
    const fixed = fitClassOutputs(doc, m);
    expect(validateGraph(fixed)).toEqual([]);
    expect(classOutputsMismatch(fixed)).toBeNull();
    const first = doc.nodes.find((n) => n.type === 'neuron' && n.output === 0)!;
    const sourcesOf = (d: GraphDoc, id: string) => d.edges.filter((e) => e.target === id).map((e) => e.source).sort();
    const added = fixed.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined && n.id !== first.id);
    expect(added).toHaveLength(2);
    for (const n of added) expect(sourcesOf(fixed, n.id)).toEqual(sourcesOf(doc, first.id));
    const net = compile(fixed);
    const before = fixed.edges.map((e) => e.weight);
    trainEpoch(net, fixed.dataset.examples, fixed.training);
    expect(Array.from(net.weights)).not.toEqual(before);
  });

  it('extra outputs of a k-class set become hidden neurons; regression and two classes never ask', () => {
    const doc = spiralOn(tutorial(), 3);
    const three = fitClassOutputs(doc, classOutputsMismatch(doc)!);
    // two classes on three outputs: the one-hot two-class layout is the target fix's business, not this one's
    expect(classOutputsMismatch(spiralOn(three, 2))).toBeNull();
    const four = spiralOn(tutorial(), 4);
    const onFour = fitClassOutputs(four, classOutputsMismatch(four)!);
    const back = spiralOn(onFour, 3);
    expect(classOutputsMismatch(back)).toEqual({ classes: 3, outputs: 4 });
    const kept = fitClassOutputs(back, classOutputsMismatch(back)!);
    expect(kept.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined)).toHaveLength(3);
    expect(validateGraph(kept)).toEqual([]);
    expect(classOutputsMismatch({ ...doc, dataset: { ...doc.dataset, problem: 'regression' } })).toBeNull();
  });
});
