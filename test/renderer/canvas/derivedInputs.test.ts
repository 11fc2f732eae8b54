// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../../src/engine';
import { expressionFormula, expressionsFor, expressionMeaning } from '../../../src/renderer/src/canvas/derivedInputs';
import { activationOption } from '../../../src/renderer/src/canvas/activationFormulas';
import { addNodeAt, decodeSpec, encodeSpec, inputItems, neuronItems } from '../../../src/renderer/src/canvas/nodeSpecs';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import type { FromWorker, ToWorker } from '../../../src/renderer/src/training/protocol';
import { fakeEnv, testStudio } from '../studio/fakeEnv';

// The palette's derived inputs (TF Playground's x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), what
// they add to the document, and the inspector's change of an input's expression.

describe('the derived inputs', () => {
  it('are TF Playground’s seven for the plane’s two features, in its order', () => {
    expect(expressionsFor(2).map(expressionFormula)).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']);
    expect(inputItems(['x', 'y']).map((i) => i.name)).toEqual(['Add input x₁', 'Add input x₂', 'Add input x₁²', 'Add input x₂²', 'Add input x₁x₂', 'Add input sin x₁', 'Add input sin x₂']);
  });

  it('grow with the data set’s features: every square, product of two and sine', () => {
    expect(expressionsFor(3).map(expressionFormula)).toEqual(['x₁', 'x₂', 'x₃', 'x₁²', 'x₂²', 'x₃²', 'x₁x₂', 'x₁x₃', 'x₂x₃', 'sin x₁', 'sin x₂', 'sin x₃']);
    expect(expressionsFor(12).map(expressionFormula)).toContain('x₁₂²');
  });

  it('say what they compute in words, naming the features', () => {
    expect(expressionMeaning({ feature: 0, times: 1 }, ['x', 'y'])).toBe('x₁ times x₂ (x₁ = feature 0 “x”, x₂ = feature 1 “y”)');
  });

  it('add an input node computing the feature, named by its formula, that the file accepts', () => {
    const studio = testStudio();
    const square = inputItems(['x', 'y']).find((i) => i.text === 'x₁²')!;
    const sine = inputItems(['x', 'y']).find((i) => i.text === 'sin x₂')!;
    const product = inputItems(['x', 'y']).find((i) => i.text === 'x₁x₂')!;
    const ids = [square, sine, product].map((item) => addNodeAt(studio, item.spec, { x: 0, y: 0 }));
    const doc = studio.document.getState().doc;
    const added = ids.map((id) => doc.nodes.find((n) => n.id === id)!);
    expect(added).toEqual([
      expect.objectContaining({ id: 'in_x_sq', type: 'input', feature: 0, transform: 'square', label: 'x₁²' }),
      expect.objectContaining({ id: 'in_sin_y', type: 'input', feature: 1, transform: 'sin', label: 'sin x₂' }),
      expect.objectContaining({ id: 'in_x_times_y', type: 'input', feature: 0, times: 1, label: 'x₁x₂' }),
    ]);
    expect(validateGraph(doc)).toEqual([]);
    // a second x₁² gets a fresh id
    const again = addNodeAt(studio, square.spec, { x: 0, y: 0 });
    expect(again).not.toBe('in_x_sq');
  });

  it('are placed left of every neuron, wherever they are dropped, so data flows left to right', () => {
    const studio = testStudio();
    const neuron = addNodeAt(studio, { type: 'neuron', activation: 'tanh' }, { x: 600, y: 0 });
    const neuronX = studio.document.getState().doc.nodes.find((n) => n.id === neuron)!.position!.x;
    const id = addNodeAt(studio, inputItems(['x', 'y'])[2].spec, { x: 900, y: 40 });
    expect(studio.document.getState().doc.nodes.find((n) => n.id === id)!.position!.x).toBeLessThanOrEqual(neuronX - 250);
  });

  it('travel through a drag as data, and a drag of anything else is refused', () => {
    for (const item of inputItems(['x', 'y'])) expect(decodeSpec(encodeSpec(item.spec))).toEqual(item.spec);
    expect(decodeSpec(JSON.stringify({ type: 'input', feature: 0, transform: 'cube' }))).toBeNull();
    expect(decodeSpec(JSON.stringify({ type: 'input', feature: 0, transform: 'sin', times: 1 }))).toBeNull();
    expect(decodeSpec(JSON.stringify({ type: 'input', feature: 0, times: -1 }))).toBeNull();
  });
});

describe('an input’s feature expression in the inspector', () => {
  it('changes x₁ to sin x₁, then to x₁x₂ (the transform goes), one undo step each, reaching training', () => {
    const sent: ToWorker[] = [];
    const port: WorkerPort<ToWorker, FromWorker> = { postMessage: (m) => void sent.push(m), terminate: () => undefined, onmessage: null, onerror: null };
    const studio = testStudio({ env: fakeEnv({ trainerWorker: () => port as WorkerPort<unknown, unknown> }) });
    studio.controller.start();
    const input = () => studio.document.getState().doc.nodes.find((n) => n.id === 'in_x')!;
    const loaded = () => (sent.filter((m) => m.type === 'load').at(-1) as Extract<ToWorker, { type: 'load' }>).doc.nodes.find((n) => n.id === 'in_x');
    studio.document.updateNodes(['in_x'], { expression: { feature: 0, transform: 'sin' } });
    expect(input()).toMatchObject({ feature: 0, transform: 'sin' });
    expect(loaded()).toMatchObject({ transform: 'sin' });
    studio.document.updateNodes(['in_x'], { expression: { feature: 0, times: 1 } });
    expect(input()).toMatchObject({ feature: 0, times: 1 });
    expect(input()).not.toHaveProperty('transform');
    expect(loaded()).toMatchObject({ times: 1 });
    studio.document.undo();
    expect(input()).toMatchObject({ transform: 'sin' });
    expect(input()).not.toHaveProperty('times');
    studio.document.undo();
    expect(input()).not.toHaveProperty('transform');
  });
});

describe('the activation pickers', () => {
  it('write each activation’s σ, the version-2 ones included', () => {
    const options = Object.fromEntries(neuronItems().map((i) => [i.text, i.detail]));
    expect(options['Neuron · leakyRelu']).toBe('σ(s) = s if s > 0, else 0.01·s');
    expect(activationOption('elu')).toBe('elu — σ(s) = s if s > 0, else eˢ − 1');
    expect(activationOption('softplus')).toBe('softplus — σ(s) = ln(1 + eˢ)');
    expect(activationOption('hardSigmoid')).toBe('hardSigmoid — σ(s) = min(1, max(0, 0.2·s + 0.5))');
  });
});
