// Python reads back exactly the float64 and integers the exports write.

import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloats, pyInt, pyStr } from '../../../src/engine/export/python';
import { requirePython, runPython } from './python';

const FLOATS = [0.1, -0.5, 1, -3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e21, 123456789012345680000, 1 / 3, -1e-7];
const INTS = [0, -1, 2 ** 53 - 1, -(2 ** 53), 1e21];
const TEXTS = ['plain', 'quote " and \' and \\', 'new\nline\ttab', 'é ∂ 😀 \u2028 \u0000'];

describe.skipIf(requirePython([]))('Python literals', () => {
  it('floats, integers and strings read back identically (json.dumps writes repr: the shortest exact digits)', () => {
    const program = `import json\nprint(json.dumps([${pyFloats(FLOATS)}, [str(v) for v in [${INTS.map(pyInt).join(', ')}]], [${TEXTS.map(pyStr).join(', ')}]]))`;
    const [floats, ints, texts] = JSON.parse(runPython(['-c', program], '/'));
    expect(floats).toEqual(FLOATS);
    expect(ints).toEqual(INTS.map((v) => BigInt(v).toString()));
    expect(texts).toEqual(TEXTS);
  });
});

describe('pyFloat', () => {
  it('refuses a non-finite float instead of writing something Python would misread', () => {
    expect(() => pyFloat(Infinity)).toThrow(RangeError);
    expect(() => pyFloat(NaN)).toThrow(RangeError);
  });
});
