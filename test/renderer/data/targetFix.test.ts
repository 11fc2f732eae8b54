import { describe, expect, it } from 'vitest';
import { compile, parseGraph, trainEpoch, validateGraph, type GraphDoc } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { addMissingTargets, describeMissing, missingTargets, onlyOutput } from '../../../src/renderer/src/data/targetFix';
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
