import { describe, expect, it } from 'vitest';
import { EXP_OVERFLOW_THRESHOLD, EXP_UNDERFLOW_THRESHOLD, exp, expm1, log1p, tanh } from '../../../src/engine/elementary';
import { compile } from '../../../src/engine';
import { planKernel } from '../../../src/engine/kernel';
import { elementaryFuncs } from '../../../src/engine/kernel/elementaryCode';
import { encodeModule } from '../../../src/engine/kernel/wasmWriter';
import { requireWasm } from '../../../src/engine/kernel/wasmApi';
import { fromWords, nearDoubles, nextDown, nextUp, powersOfTwo, randomBits, uniform } from '../elementary/samples';
import { TWO_FIVE_ONE, loadFixture } from '../helpers';

// The kernel's exp, expm1, tanh and log1p are WebAssembly transcriptions of the engine's fdlibm ports, so
// a kernel-trained net has the engine's weights only if every one of them returns the very same
// double as the TS function, at every input: Object.is, over millions of inputs and every edge.

type Unary = (x: number) => number;

function instantiate(): { exp: Unary; expm1: Unary; tanh: Unary; log1p: Unary } {
  const wasm = requireWasm();
  const bytes = encodeModule({ imports: [], memoryPages: 1, funcs: elementaryFuncs(true) });
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory: new wasm.Memory({ initial: 1 }) } });
  const e = instance.exports as Record<string, Unary>;
  return { exp: e.exp, expm1: e.expm1, tanh: e.tanh, log1p: e.log1p };
}

const emitted = instantiate();

/** fails with the first few inputs where the emitted function's double is not the engine's */
function expectSameBits(name: string, ours: Unary, engine: Unary, inputs: ArrayLike<number>): void {
  const bad: string[] = [];
  for (let i = 0; i < inputs.length && bad.length < 5; i++) {
    const x = inputs[i];
    const a = ours(x);
    const b = engine(x);
    if (!Object.is(a, b)) bad.push(`${name}(${x}) = ${a} in wasm, ${b} in the engine`);
  }
  expect(bad).toEqual([]);
}

const around = (b: number, n = 64): number[] => nearDoubles(b, n);

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2 ** -1022, -(2 ** -1022), nextDown(2 ** -1022), Number.MAX_VALUE, -Number.MAX_VALUE];

/** the high words where fdlibm's branches switch (exp, expm1, tanh), as doubles, both signs, with neighbours */
const BRANCH_WORDS = [0x3c900000, 0x3e300000, 0x3fd62e42, 0x3ff00000, 0x3ff0a2b2, 0x40360000, 0x4043687a, 0x40862e42, 0x7ff00000];
/** log1p's switch words (3fda827a: 1 + x = √2, 3e200000: 2^−29, bfd2bec4: 1 + x = √2/2, 43400000: 2^53), and u's 6a09e */
const LOG1P_WORDS = [0x3fda827a, 0x3e200000, 0x3c900000, 0xbfd2bec4, 0x43400000, 0x3ff6a09e, 0x3ff00000, 0xbff00000];
const log1pBranchEdges = (): number[] => LOG1P_WORDS.flatMap((w) => [...around(fromWords(w, 0), 8), ...around(fromWords(w - 1, 0xffffffff), 8)]);
const branchEdges = (): number[] => BRANCH_WORDS.flatMap((w) => [...around(fromWords(w, 0), 8), ...around(fromWords(w - 1, 0xffffffff), 8)]);

/** x = k·ln2 and k·ln2 ± 0.5·ln2 for every k an input can reduce to: every scaling branch and the subnormal one */
function reductionPoints(): number[] {
  const out: number[] = [];
  for (let k = -1080; k <= 1030; k++) {
    for (const f of [-0.5, -0.25, 0, 0.25, 0.5]) out.push(...around((k + f) * Math.LN2, 2));
  }
  return out;
}

const THRESHOLDS = [EXP_OVERFLOW_THRESHOLD, EXP_UNDERFLOW_THRESHOLD, 56 * Math.LN2, 22, 1, 2 ** -28, 2 ** -54, 0.5 * Math.LN2, 1.5 * Math.LN2, 0.25];
const thresholdPoints = (): number[] => THRESHOLDS.flatMap((t) => around(t, 256));

describe('the kernel’s WebAssembly exp, expm1 and tanh', () => {
  it('are the engine’s functions at the special values: ±0, ±∞, NaN, subnormals, the extremes', () => {
    expectSameBits('exp', emitted.exp, exp, SPECIALS);
    expectSameBits('expm1', emitted.expm1, expm1, SPECIALS);
    expectSameBits('tanh', emitted.tanh, tanh, SPECIALS);
    expectSameBits('log1p', emitted.log1p, log1p, [...SPECIALS, -1, nextUp(-1), nextDown(-1)]);
    expect(Object.is(emitted.tanh(-0), -0)).toBe(true);
    expect(Object.is(emitted.expm1(-0), -0)).toBe(true);
    expect(emitted.exp(-Infinity)).toBe(0);
    expect(emitted.expm1(-Infinity)).toBe(-1);
    expect(emitted.exp(NaN)).toBeNaN();
  });

  it('overflow, underflow and saturate exactly where the engine does', () => {
    expect(emitted.exp(EXP_OVERFLOW_THRESHOLD)).toBe(exp(EXP_OVERFLOW_THRESHOLD));
    expect(emitted.exp(nextUp(EXP_OVERFLOW_THRESHOLD))).toBe(Infinity);
    expect(emitted.exp(EXP_UNDERFLOW_THRESHOLD)).toBe(5e-324);
    expect(Object.is(emitted.exp(-nextUp(-EXP_UNDERFLOW_THRESHOLD)), 0)).toBe(true);
    const points = thresholdPoints();
    expectSameBits('exp', emitted.exp, exp, points);
    expectSameBits('expm1', emitted.expm1, expm1, points);
    expectSameBits('tanh', emitted.tanh, tanh, points);
  });

  it('take every branch fdlibm does, on both sides of each switch word', () => {
    const points = [...branchEdges(), ...log1pBranchEdges()];
    expectSameBits('log1p', emitted.log1p, log1p, points);
    expectSameBits('exp', emitted.exp, exp, points);
    expectSameBits('expm1', emitted.expm1, expm1, points);
    expectSameBits('tanh', emitted.tanh, tanh, points);
  });

  it('scale by every power of two the reduction can give (k from −1080 to 1030, subnormal results)', () => {
    const points = reductionPoints();
    expectSameBits('exp', emitted.exp, exp, points);
    expectSameBits('expm1', emitted.expm1, expm1, points);
    expectSameBits('log1p', emitted.log1p, log1p, points.map((x) => Math.exp(x) - 1));
  });

  it('agree at every ±2^k and its neighbours', () => {
    const points = powersOfTwo();
    expectSameBits('exp', emitted.exp, exp, points);
    expectSameBits('expm1', emitted.expm1, expm1, points);
    expectSameBits('tanh', emitted.tanh, tanh, points);
    expectSameBits('log1p', emitted.log1p, log1p, points);
  });

  it('agree on millions of random doubles over their working ranges', () => {
    expectSameBits('exp', emitted.exp, exp, uniform(1_000_000, -746, 710, 101));
    expectSameBits('exp', emitted.exp, exp, uniform(300_000, -1.1, 1.1, 102));
    expectSameBits('expm1', emitted.expm1, expm1, uniform(600_000, -45, 710, 103));
    expectSameBits('expm1', emitted.expm1, expm1, uniform(300_000, -1.1, 1.1, 104));
    expectSameBits('tanh', emitted.tanh, tanh, uniform(600_000, -23, 23, 105));
    expectSameBits('tanh', emitted.tanh, tanh, uniform(300_000, -1.1, 1.1, 106));
    expectSameBits('log1p', emitted.log1p, log1p, uniform(300_000, -1, 1, 110));
    expectSameBits('log1p', emitted.log1p, log1p, uniform(300_000, -1, 1e6, 111));
    expectSameBits('log1p', emitted.log1p, log1p, uniform(100_000, 0, 1e-6, 112));
  });

  it('agree on random bit patterns: every exponent, both signs, NaN payloads', () => {
    expectSameBits('exp', emitted.exp, exp, randomBits(500_000, 107));
    expectSameBits('expm1', emitted.expm1, expm1, randomBits(500_000, 108));
    expectSameBits('tanh', emitted.tanh, tanh, randomBits(500_000, 109));
    expectSameBits('log1p', emitted.log1p, log1p, randomBits(500_000, 113));
  });

  it('a wrong constant or operation would show: the comparison catches a 1-ulp difference', () => {
    const off: Unary = (x) => (x === 0.5 ? nextUp(exp(x)) : exp(x));
    expect(() => expectSameBits('exp', off, exp, [0.25, 0.5])).toThrow();
  });
});

describe('a network’s kernel module', () => {
  const Wasm = (globalThis as unknown as { WebAssembly: { Module: { new (b: Uint8Array): object; imports(m: object): { name: string }[]; exports(m: object): { name: string }[] } } }).WebAssembly;
  it.each([
    ['unrolled', true],
    ['unrolled', false],
    ['looped', true],
  ] as const)('%s (SIMD %s) imports only its memory: exp and tanh are its own functions, not exported', (strategy, simd) => {
    const module = new Wasm.Module(planKernel(compile(loadFixture(TWO_FIVE_ONE)), { strategy, simd }).bytes);
    expect(Wasm.Module.imports(module).map((i) => i.name)).toEqual(['memory']);
    expect(Wasm.Module.exports(module).map((e) => e.name).sort()).toEqual(['nodeValues', 'predict', 'trainBatch', 'trainSequential']);
  });
});
