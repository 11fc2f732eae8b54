// The exports' Python generator visits the examples in exactly the engine's shuffled order.

import { describe, expect, it } from 'vitest';
import { epochRng, shuffledOrder } from '../../../src/engine';
import { PYTHON_RANDOM } from '../../../src/engine/export/pythonRandom';
import { requirePython, runPython } from './python';

const CASES: [number, number, number][] = [
  [1, 0, 10], [1, 1, 60], [0, 5, 33], [-1, 2, 17], [-123456789, 9, 40], [2 ** 40 + 3, 7, 25], [-(2 ** 52), 3, 12], [77, 123456, 50], [5, 0, 1], [5, 0, 0],
];

describe.skipIf(requirePython([]))('epoch_order in Python', () => {
  it('equals the engine’s shuffledOrder(n, epochRng(seed, epoch)) for small, negative and large seeds', () => {
    const program = `import math, json\n${PYTHON_RANDOM}\nprint(json.dumps([epoch_order(s, e, n) for s, e, n in ${JSON.stringify(CASES)}]))`;
    const python = JSON.parse(runPython(['-c', program], '/'));
    const engine = CASES.map(([seed, epoch, n]) => Array.from(shuffledOrder(n, epochRng(seed, epoch))));
    expect(python).toEqual(engine);
  });
});
