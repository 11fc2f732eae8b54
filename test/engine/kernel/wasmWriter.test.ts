import { describe, expect, it } from 'vitest';
import { Bytes, Code, F64, I32, OP, encodeModule } from '../../../src/engine/kernel/wasmWriter';
import { requireWasm } from '../../../src/engine/kernel/wasmApi';

// The writer's encodings are what every kernel is made of: LEB128 integers, IEEE doubles, and a
// module layout that WebAssembly itself accepts and runs.

const bytesOf = (fill: (b: Bytes) => void): number[] => {
  const b = new Bytes();
  fill(b);
  return Array.from(b.toUint8Array());
};

describe('wasm writer', () => {
  it('encodes unsigned and signed LEB128 as the spec’s examples do', () => {
    expect(bytesOf((b) => b.u32(0))).toEqual([0x00]);
    expect(bytesOf((b) => b.u32(127))).toEqual([0x7f]);
    expect(bytesOf((b) => b.u32(128))).toEqual([0x80, 0x01]);
    expect(bytesOf((b) => b.u32(624485))).toEqual([0xe5, 0x8e, 0x26]);
    expect(bytesOf((b) => b.s32(-1))).toEqual([0x7f]);
    expect(bytesOf((b) => b.s32(63))).toEqual([0x3f]);
    expect(bytesOf((b) => b.s32(64))).toEqual([0xc0, 0x00]);
    expect(bytesOf((b) => b.s32(-123456))).toEqual([0xc0, 0xbb, 0x78]);
    expect(bytesOf((b) => b.s32(2 ** 31 - 1))).toEqual([0xff, 0xff, 0xff, 0xff, 0x07]);
  });

  it('writes doubles little-endian, bit for bit', () => {
    expect(bytesOf((b) => b.f64(1))).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(bytesOf((b) => b.f64(-0))).toEqual([0, 0, 0, 0, 0, 0, 0, 0x80]);
  });

  it('grows past its first buffer without losing bytes', () => {
    const b = new Bytes();
    for (let i = 0; i < 5000; i++) b.byte(i & 0xff);
    const out = b.toUint8Array();
    expect(out.length).toBe(5000);
    expect(out[4999]).toBe(4999 & 0xff);
  });

  it('emits a module WebAssembly compiles and runs: imports, memory, data, locals, a loop', () => {
    // sum(ptr, n) = Σ_{i<n} mem_f64[ptr + 8i] · 2, through an imported f64 → f64 function
    const code = new Code();
    code.block().loop();
    code.get(1).op(OP.i32Eqz).brIf(1);
    code.get(2).get(0).load(0).call(0).op(OP.f64Add).set(2);
    code.get(0).i32(8).op(OP.i32Add).set(0);
    code.get(1).i32(1).op(OP.i32Sub).set(1);
    code.br(0).end().end();
    code.get(2);
    const bytes = encodeModule({
      imports: [{ name: 'twice', type: { params: [F64], results: [F64] } }],
      memoryPages: 1,
      funcs: [{ name: 'sum', type: { params: [I32, I32], results: [F64] }, locals: [F64], body: code }],
      data: [{ offset: 16, bytes: new Uint8Array(new Float64Array([1.5, -4, 10]).buffer) }],
    });
    const wasm = requireWasm();
    const memory = new wasm.Memory({ initial: 1 });
    const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory, twice: (v: number) => 2 * v } }); // throws if invalid
    const sum = instance.exports.sum as (ptr: number, n: number) => number;
    expect(sum(16, 3)).toBe(15);
    expect(sum(24, 1)).toBe(-8);
  });
});
