import { describe, expect, it } from 'vitest';
import { compile, evaluate, trainEpoch } from '../../../src/engine';
import { TEMPLATES } from '../../../src/renderer/src/templates/catalog';
import { layeredDoc } from '../../../src/renderer/src/templates/layered';
import { emptyDocument } from '../../../src/renderer/src/store/document';

const shownName = (n: { id: string; label?: string }) => n.label ?? n.id;

describe('the templates', () => {
  const docs = [...TEMPLATES.map((t) => t.build(emptyDocument())), layeredDoc([2, 5, 3, 1]), emptyDocument()];

  it('never show two nodes under the same name, and call the bias in_1', () => {
    for (const doc of docs) {
      const names = doc.nodes.map(shownName);
      expect(new Set(names).size, `${doc.name}: ${names.join(', ')}`).toBe(names.length);
      expect(doc.nodes.filter((n) => n.type === 'bias').map(shownName)).toEqual(['in_1']);
    }
  });

  it('XOR 2-2-1 learns its own points to 100 % with its own settings, and stays there', () => {
    const doc = TEMPLATES.find((t) => t.id === 'xor')!.build(emptyDocument());
    const net = compile(doc);
    const { examples } = doc.dataset;
    let reached = -1;
    for (let epoch = 0; epoch < 500; epoch++) {
      trainEpoch(net, examples, { ...doc.training, epoch });
      if (reached < 0 && evaluate(net, examples).accuracy === 1) reached = epoch;
    }
    expect(reached).toBeGreaterThanOrEqual(0);
    expect(reached).toBeLessThan(200); // a class sees it happen
    expect(evaluate(net, examples).accuracy).toBe(1);
  });
});
