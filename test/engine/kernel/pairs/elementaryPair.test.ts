import { describe, expect, it } from 'vitest';
import { exp, tanh } from '../../../../src/engine/elementary';
import { elementaryFuncs } from '../../../../src/engine/kernel/elementaryCode';
import { pairConstantBytes, pairFunction } from '../../../../src/engine/kernel/pairs/elementaryPairCode';
import { Code, I32, encodeModule, type FuncDef } from '../../../../src/engine/kernel/wasmWriter';
import { requireWasm, type WasmMemory } from '../../../../src/engine/kernel/wasmApi';
import { fromWords, nearDoubles, nextUp, powersOfTwo, randomBits, seeded, uniform } from '../../elementary/samples';

// The f64x2 exp and tanh (the decision maps' sigmoid and tanh, two grid points per f64x2) compute
// every path fdlibm might take and keep each lane's own: each lane must be exactly the engine's
// double, Object.is, at every input, whatever its neighbour lane holds (a lane out of the vector
// code's range sends both through the scalar function).

type Unary = (x: number) => number;

const CONSTANTS = 16;
const DATA = 1024;

/** runs(name)(xs): the emitted pair function over xs, two lanes at a time */
function instantiate(): (name: 'expPair' | 'tanhPair') => (xs: ArrayLike<number>) => Float64Array {
  const wasm = requireWasm();
  // apply_<name>(start, end): each v128 from byte start to end through the pair function, in place
  const applier = (name: string, fn: number): FuncDef => {
    const code = new Code();
    code.block().loop();
    code.get(0).get(1).op(0x4f).brIf(1); // i32.ge_u
    code.get(0).get(0).loadV(0).call(fn).storeV(0);
    code.get(0).i32(16).op(0x6a).set(0); // i32.add
    code.br(0).end().end();
    return { name: `apply_${name}`, type: { params: [I32, I32], results: [] }, locals: [], body: code };
  };
  const first = elementaryFuncs().length; // the pair functions' indices follow the scalar ones
  const funcs = [...elementaryFuncs(), pairFunction('expPair', CONSTANTS), pairFunction('tanhPair', CONSTANTS), applier('expPair', first), applier('tanhPair', first + 1)];
  const bytes = encodeModule({ imports: [], memoryPages: 1, funcs, data: [{ offset: CONSTANTS, bytes: pairConstantBytes() }] });
  const memory: WasmMemory = new wasm.Memory({ initial: 1 });
  const exports = new wasm.Instance(new wasm.Module(bytes), { env: { memory } }).exports as Record<string, (start: number, end: number) => void>;
  return (name) => (xs) => {
    const out = new Float64Array(xs.length);
    const chunk = (65536 - DATA) / 8 - 2;
    for (let at = 0; at < xs.length; at += chunk) {
      const n = Math.min(chunk, xs.length - at);
      const view = new Float64Array(memory.buffer, DATA, n + 1);
      for (let i = 0; i < n; i++) view[i] = xs[at + i];
      view[n] = xs[at]; // an odd tail's partner lane
      exports[`apply_${name}`](DATA, DATA + 8 * (n + (n & 1)));
      out.set(new Float64Array(memory.buffer, DATA, n), at);
    }
    return out;
  };
}

const run = instantiate();
const expPair = run('expPair');
const tanhPair = run('tanhPair');

/** fails with the first few inputs where the pair function's double is not the engine's */
function expectSameBits(name: string, ours: (xs: ArrayLike<number>) => Float64Array, engine: Unary, inputs: ArrayLike<number>): void {
  const got = ours(inputs);
  const bad: string[] = [];
  for (let i = 0; i < inputs.length && bad.length < 5; i++) {
    const want = engine(inputs[i]);
    if (!Object.is(got[i], want)) bad.push(`${name}(${inputs[i]}) = ${got[i]} in f64x2, ${want} in the engine`);
  }
  expect(bad).toEqual([]);
}

/** each input beside every kind of neighbour: the same list, shuffled, interleaved with it */
function mixedLanes(xs: ArrayLike<number>, seed: number): Float64Array {
  const next = seeded(seed);
  const shuffled = Array.from(xs);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const out = new Float64Array(2 * xs.length);
  for (let i = 0; i < xs.length; i++) [out[2 * i], out[2 * i + 1]] = [xs[i], shuffled[i]];
  return out;
}

const around = (b: number, n = 16): number[] => nearDoubles(b, n);

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2 ** -1022, -(2 ** -1022), Number.MAX_VALUE, -Number.MAX_VALUE];

/** where fdlibm's branches switch (exp, expm1, tanh) and where the vector code hands over (|x| = 708) */
const BRANCH_WORDS = [0x3c900000, 0x3e300000, 0x3fd62e42, 0x3ff00000, 0x3ff0a2b2, 0x40360000, 0x4043687a, 0x40862e42, 0x7ff00000];
const branchEdges = (): number[] => [...BRANCH_WORDS.flatMap((w) => [...around(fromWords(w, 0)), ...around(fromWords(w - 1, 0xffffffff))]), ...around(708, 64)];

/** x = (k + f)·ln2 for every k the reduction can give, and half of it (tanh doubles its argument for expm1) */
function reductionPoints(): number[] {
  const out: number[] = [];
  for (let k = -1080; k <= 1030; k++) {
    for (const f of [-0.5, -0.25, 0, 0.25, 0.5]) out.push(...around((k + f) * Math.LN2, 2), ...around(((k + f) * Math.LN2) / 2, 2));
  }
  return out;
}

describe('the f64x2 exp and tanh', () => {
  it('are the engine’s functions at the special values, the branch switches and the hand-over to the scalar code', () => {
    for (const points of [SPECIALS, branchEdges()]) {
      expectSameBits('exp', expPair, exp, mixedLanes(points, 1));
      expectSameBits('tanh', tanhPair, tanh, mixedLanes(points, 2));
    }
    expect(Object.is(tanhPair([-0, 1])[0], -0)).toBe(true);
  });

  it('scale by every power of two the reduction can give', () => {
    const points = reductionPoints();
    expectSameBits('exp', expPair, exp, points);
    expectSameBits('tanh', tanhPair, tanh, points);
  });

  it('agree at every ±2^k and its neighbours', () => {
    const points = powersOfTwo();
    expectSameBits('exp', expPair, exp, points);
    expectSameBits('tanh', tanhPair, tanh, points);
  });

  it('agree on millions of random doubles over their working ranges, beside any neighbour', () => {
    expectSameBits('exp', expPair, exp, uniform(1_000_000, -746, 710, 201));
    expectSameBits('exp', expPair, exp, uniform(300_000, -1.1, 1.1, 202));
    expectSameBits('exp', expPair, exp, mixedLanes(uniform(200_000, -760, 760, 203), 204));
    expectSameBits('tanh', tanhPair, tanh, uniform(1_000_000, -23, 23, 205));
    expectSameBits('tanh', tanhPair, tanh, uniform(300_000, -1.1, 1.1, 206));
    expectSameBits('tanh', tanhPair, tanh, mixedLanes(uniform(200_000, -30, 30, 207), 208));
  });

  it('agree on random bit patterns: every exponent, both signs, NaN payloads', () => {
    expectSameBits('exp', expPair, exp, randomBits(500_000, 209));
    expectSameBits('tanh', tanhPair, tanh, randomBits(500_000, 210));
  });

  it('a wrong operation would show: the comparison catches a 1-ulp difference', () => {
    const off = (xs: ArrayLike<number>) => expPair(xs).map((v, i) => (xs[i] === 0.5 ? nextUp(v) : v));
    expect(() => expectSameBits('exp', off, exp, [0.25, 0.5])).toThrow();
  });
});
