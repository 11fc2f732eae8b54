import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, trainExample } from '../../../src/engine';
import type { GraphDoc, TrainingSettings } from '../../../src/engine/format/types';
import { netValues } from '../../../src/renderer/src/formula/netValues';
import { edgeFormulas, errorBlock, neuronFormulas, type FormulaBlock } from '../../../src/renderer/src/formula/tex';
import { texNumber } from '../../../src/renderer/src/formula/texNumber';
import { layeredDoc } from '../training/fixtures';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

function expectWellFormed(blocks: readonly FormulaBlock[]) {
  for (const b of blocks) {
    expect(() => katex.renderToString(b.tex, { throwOnError: true, displayMode: true })).not.toThrow();
    expect(b.tex.endsWith(`${texNumber(b.value)} \\end{aligned}`)).toBe(true);
    expect(close(b.check, b.value)).toBe(true);
  }
}

/** a 2-3-1 net with velocities already under way, so βv is not 0 */
function docWith(training: Partial<TrainingSettings>): GraphDoc {
  const doc = layeredDoc([3], { count: 6, training });
  return { ...doc, edges: doc.edges.map((e, i) => ({ ...e, velocity: (i % 3) * 0.05 - 0.04 })) };
}

/** the engine's own update of example 0 as a batch of one: the weights and velocities after it */
function engineUpdate(doc: GraphDoc) {
  const net = compile(doc);
  const ex = doc.dataset.examples[0];
  trainExample(net, ex.x, ex.y, doc.training.learningRate, { regularization: doc.training.regularization, momentum: doc.training.momentum });
  return net;
}

const block = (blocks: readonly FormulaBlock[], quantity: string) => blocks.find((b) => b.quantity === quantity);

describe('the update in the formula inspector', () => {
  it('the tutorial’s plain descent shows no regulariser and no update block (as before)', () => {
    const blocks = edgeFormulas(netValues(nets, docWith({}), 0)!, 'in_x->h0_0');
    expect(blocks.map((b) => b.quantity)).not.toContain('gradReg');
    expect(blocks.map((b) => b.quantity)).not.toContain('update');
  });

  it('L2 + momentum: ∂E_reg/∂w = ∂E/∂w + 2λw, v ← βv + g, w ← w − ηv — ending in the engine’s own new v and w', () => {
    const doc = docWith({ regularization: { kind: 'L2', rate: 0.05 }, momentum: 0.9 });
    const values = netValues(nets, doc, 0)!;
    const net = engineUpdate(doc);
    doc.edges.forEach((edge, i) => {
      const blocks = edgeFormulas(values, edge.id);
      expectWellFormed(blocks);
      const reg = block(blocks, 'gradReg')!;
      const e = values.edges[edge.id];
      if (edge.source === 'in_1') {
        expect(reg.value).toBe(e.grad); // bias edges are not penalised
        expect(reg.note).toMatch(/bias edge/);
      } else {
        expect(reg.tex).toContain('2\\lambda');
        expect(close(reg.value, e.grad + 2 * 0.05 * e.weight)).toBe(true);
      }
      expect(block(blocks, 'velocity')!.tex).toContain('\\beta\\, v + g');
      expect(block(blocks, 'velocity')!.value).toBe(net.velocity[i]);
      expect(block(blocks, 'update')!.value).toBe(net.weights[i]);
    });
  });

  it('L1 without momentum: + λ sign(w), then w ← w − η g, the engine’s new weight', () => {
    const doc = docWith({ regularization: { kind: 'L1', rate: 0.02 } });
    const values = netValues(nets, doc, 0)!;
    const net = engineUpdate(doc);
    const i = doc.edges.findIndex((e) => e.source === 'in_x');
    const blocks = edgeFormulas(values, doc.edges[i].id);
    expectWellFormed(blocks);
    expect(block(blocks, 'gradReg')!.tex).toContain('\\operatorname{sign}');
    expect(block(blocks, 'velocity')).toBeUndefined();
    expect(block(blocks, 'update')!.value).toBe(net.weights[i]);
  });

  it('cross-entropy at a sigmoid output: ∂E/∂s = h − y, E_i = −[y ln h + (1 − y) ln(1 − h)]', () => {
    const doc = docWith({ loss: 'crossEntropy' });
    const values = netValues(nets, doc, 0)!;
    const out = values.outputs[0];
    const dEds = block(neuronFormulas(values, 'out'), 'dEds')!;
    expect(dEds.tex).toContain('= h - y');
    expect(dEds.value).toBe(values.nodes.out.dEds);
    expect(close(dEds.value, out.h - out.y)).toBe(true);
    const hidden = neuronFormulas(values, 'h0_1');
    expectWellFormed([...hidden, ...neuronFormulas(values, 'out'), errorBlock(values)]);
    expect(block(hidden, 'dEds')!.tex).toContain('\\frac{\\partial E_i}{\\partial s_m}');
    expect(errorBlock(values).tex).toContain('\\ln');
    expect(edgeFormulas(values, 'h0_1->out').map((b) => b.quantity)).not.toContain('dhds');
  });

  it.each(['leakyRelu', 'elu', 'softplus', 'hardSigmoid'] as const)('a %s neuron’s formulas render (version 2’s activations)', (activation) => {
    const values = netValues(nets, layeredDoc([3], { count: 6, activation }), 0)!;
    const blocks = neuronFormulas(values, 'h0_0');
    expect(blocks.length).toBeGreaterThan(3);
    expectWellFormed(blocks);
  });
});
