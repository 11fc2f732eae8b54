// A tiny WebAssembly binary writer: just what the per-network kernel needs (one memory import,
// a few functions of straight-line f64 code in loops, integer bit work for exp). No toolchain, no eval:
// the bytes go to `new WebAssembly.Module`, which a CSP with 'wasm-unsafe-eval' allows.

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** SIMD opcodes, after the 0xfd prefix (f64x2 lanes are IEEE doubles, computed lane by lane) */
export const SIMD = {
  load: 0,
  load64Splat: 10,
  store: 11,
  const: 12,
  shuffle: 13,
  f64x2Splat: 20,
  f64x2ExtractLane: 33,
  f64x2ReplaceLane: 34,
  f64x2Eq: 71,
  f64x2Lt: 73,
  f64x2Gt: 74,
  f64x2Le: 75,
  f64x2Ge: 76,
  v128And: 78,
  v128Or: 80,
  v128Xor: 81,
  v128Bitselect: 82,
  load64Lane: 87,
  store32Lane: 90,
  f32x4DemoteF64x2Zero: 94,
  f64x2Trunc: 122,
  i64x2AllTrue: 195,
  i64x2Shl: 203,
  i64x2Add: 206,
  f64x2Abs: 236,
  f64x2Neg: 237,
  f64x2Add: 240,
  f64x2Sub: 241,
  f64x2Mul: 242,
  f64x2Div: 243,
} as const;

/** the opcodes used here (https://webassembly.github.io/spec/core/binary/instructions.html) */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Store: 0x36,
  f32Store: 0x38,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32GeU: 0x4f,
  f64Eq: 0x61,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  i32ShrU: 0x76,
  i64Add: 0x7c,
  i64Or: 0x84,
  i64Shl: 0x86,
  i64ShrU: 0x88,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Copysign: 0xa6,
  i32WrapI64: 0xa7,
  i32TruncF64S: 0xaa,
  i64ExtendI32S: 0xac,
  i64ExtendI32U: 0xad,
  f32DemoteF64: 0xb6,
  f64ConvertI32S: 0xb7,
  i64ReinterpretF64: 0xbd,
  f64ReinterpretI64: 0xbf,
} as const;

const BLOCK_VOID = 0x40;

/** a growable byte buffer with LEB128 and IEEE-754 writers */
export class Bytes {
  private buf = new Uint8Array(256);
  length = 0;

  byte(b: number): this {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
    return this;
  }

  bytes(bs: ArrayLike<number>): this {
    if (this.length + bs.length > this.buf.length) this.grow(bs.length);
    this.buf.set(bs, this.length); // one copy: function bodies and sections are copied whole
    this.length += bs.length;
    return this;
  }

  /** room for `more` bytes, at least doubling */
  private grow(more: number): void {
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + more));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  /** unsigned LEB128 */
  u32(v: number): this {
    let n = v >>> 0;
    do {
      const b = n & 0x7f;
      n >>>= 7;
      this.byte(n !== 0 ? b | 0x80 : b);
    } while (n !== 0);
    return this;
  }

  /** signed LEB128 of a 32-bit integer */
  s32(v: number): this {
    let n = v | 0;
    for (;;) {
      const b = n & 0x7f;
      n >>= 7;
      const done = (n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0);
      this.byte(done ? b : b | 0x80);
      if (done) return this;
    }
  }

  f64(v: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.byte(view.getUint8(i));
    return this;
  }

  name(s: string): this {
    const utf8 = new TextEncoder().encode(s);
    return this.u32(utf8.length).bytes(utf8);
  }

  /** a length-prefixed copy of another buffer */
  sized(inner: Bytes): this {
    return this.u32(inner.length).bytes(inner.toUint8Array());
  }

  toUint8Array(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** instruction helpers over Bytes, named like the text format */
export class Code extends Bytes {
  get(local: number): this {
    return this.byte(OP.localGet).u32(local);
  }
  set(local: number): this {
    return this.byte(OP.localSet).u32(local);
  }
  tee(local: number): this {
    return this.byte(OP.localTee).u32(local);
  }
  i32(v: number): this {
    return this.byte(OP.i32Const).s32(v);
  }
  f64c(v: number): this {
    return this.byte(OP.f64Const).f64(v);
  }
  /** i64.const of a small integer (|v| < 2^31) */
  i64(v: number): this {
    return this.byte(OP.i64Const).s32(v);
  }
  /** f64.load from (address on the stack) + offset */
  load(offset: number): this {
    return this.byte(OP.f64Load).u32(3).u32(offset);
  }
  loadI32(offset: number): this {
    return this.byte(OP.i32Load).u32(2).u32(offset);
  }
  /** i32.store of (address, value) on the stack at + offset */
  storeI32(offset: number): this {
    return this.byte(OP.i32Store).u32(2).u32(offset);
  }
  /** f64.store of (address, value) on the stack at + offset */
  store(offset: number): this {
    return this.byte(OP.f64Store).u32(3).u32(offset);
  }
  /** f32.store of (address, f64 value on the stack, demoted) at + offset */
  storeF32(offset: number): this {
    return this.byte(OP.f32DemoteF64).byte(OP.f32Store).u32(2).u32(offset);
  }
  simd(op: number): this {
    return this.byte(0xfd).u32(op);
  }
  /** v128.load from (address on the stack) + offset */
  loadV(offset: number): this {
    return this.simd(SIMD.load).u32(3).u32(offset);
  }
  /** v128.store of (address, value) at + offset */
  storeV(offset: number): this {
    return this.simd(SIMD.store).u32(3).u32(offset);
  }
  /** the pair (0, 0) */
  zeroV(): this {
    this.simd(SIMD.const);
    for (let i = 0; i < 16; i++) this.byte(0);
    return this;
  }
  /** the v128 with every bit set (an all-true mask) */
  onesV(): this {
    this.simd(SIMD.const);
    for (let i = 0; i < 16; i++) this.byte(0xff);
    return this;
  }
  /** the pair (v, v) as a v128.const */
  f64x2c(v: number): this {
    return this.simd(SIMD.const).f64(v).f64(v);
  }
  /** v128.load64_splat: (m, m) with m the f64 at (address on the stack) + offset */
  loadSplat(offset: number): this {
    return this.simd(SIMD.load64Splat).u32(3).u32(offset);
  }
  /** v128.load64_lane of (address, v128) on the stack: the v128 with `lane` replaced by the f64 at address + offset */
  loadLane(offset: number, lane: number): this {
    return this.simd(SIMD.load64Lane).u32(3).u32(offset).byte(lane);
  }
  /** f32 lane `lane` of (address, v128 of f32 lanes) stored at address + offset (v128.store32_lane) */
  storeF32Lane(offset: number, lane: number): this {
    return this.simd(SIMD.store32Lane).u32(2).u32(offset).byte(lane);
  }
  /** i8x16.shuffle of the two v128 on the stack: byte i of the result is byte lanes[i] of (a ‖ b) */
  shuffle(lanes: number[]): this {
    return this.simd(SIMD.shuffle).bytes(lanes);
  }
  lane(op: typeof SIMD.f64x2ExtractLane | typeof SIMD.f64x2ReplaceLane, lane: number): this {
    return this.simd(op).byte(lane);
  }
  /** f64 at a constant address */
  loadAt(address: number): this {
    return this.i32(0).load(address);
  }
  op(code: number): this {
    return this.byte(code);
  }
  call(fn: number): this {
    return this.byte(OP.call).u32(fn);
  }
  block(): this {
    return this.byte(OP.block).byte(BLOCK_VOID);
  }
  loop(): this {
    return this.byte(OP.loop).byte(BLOCK_VOID);
  }
  /** `if` on the i32 on the stack; `result` F64 when both arms leave an f64 */
  if(result?: typeof F64): this {
    return this.byte(OP.if).byte(result ?? BLOCK_VOID);
  }
  else(): this {
    return this.byte(OP.else);
  }
  ret(): this {
    return this.byte(OP.return);
  }
  end(): this {
    return this.byte(OP.end);
  }
  brIf(depth: number): this {
    return this.byte(OP.brIf).u32(depth);
  }
  br(depth: number): this {
    return this.byte(OP.br).u32(depth);
  }
}

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export interface FuncDef {
  name: string;
  type: FuncType;
  /** locals beyond the parameters */
  locals: ValType[];
  body: Code;
  /** exported under `name` (default true); internal helpers set false */
  exported?: boolean;
}

export interface ModuleDef {
  /** imported functions, `env.<name>`; their indices come first */
  imports: { name: string; type: FuncType }[];
  /** pages (64 KiB) the imported memory `env.memory` must have at least */
  memoryPages: number;
  funcs: FuncDef[];
  /** bytes written into memory at instantiation (active data segments) */
  data?: { offset: number; bytes: Uint8Array }[];
}

/** the module's bytes: types, imports (functions + memory), functions, exports, code */
export function encodeModule(def: ModuleDef): Uint8Array {
  const types = [...def.imports.map((i) => i.type), ...def.funcs.map((f) => f.type)];
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  section(out, 1, (s) => {
    s.u32(types.length);
    for (const t of types) s.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  });
  section(out, 2, (s) => {
    s.u32(def.imports.length + 1);
    def.imports.forEach((imp, i) => s.name('env').name(imp.name).byte(0x00).u32(i));
    s.name('env').name('memory').byte(0x02).byte(0x00).u32(def.memoryPages);
  });
  section(out, 3, (s) => {
    s.u32(def.funcs.length);
    def.funcs.forEach((_, i) => s.u32(def.imports.length + i));
  });
  section(out, 7, (s) => {
    const exported = def.funcs.map((f, i) => [f, def.imports.length + i] as const).filter(([f]) => f.exported !== false);
    s.u32(exported.length);
    for (const [f, index] of exported) s.name(f.name).byte(0x00).u32(index);
  });
  section(out, 10, (s) => {
    s.u32(def.funcs.length);
    for (const f of def.funcs) s.sized(functionBody(f));
  });
  const data = def.data ?? [];
  if (data.length > 0) {
    section(out, 11, (s) => {
      s.u32(data.length);
      for (const d of data) s.byte(0x00).byte(OP.i32Const).s32(d.offset).byte(OP.end).u32(d.bytes.length).bytes(d.bytes);
    });
  }
  return out.toUint8Array();
}

function section(out: Bytes, id: number, fill: (s: Bytes) => void): void {
  const s = new Bytes();
  fill(s);
  out.byte(id).sized(s);
}

/** locals run-length encoded, then the code, then `end` */
function functionBody(f: FuncDef): Bytes {
  const runs: [number, ValType][] = [];
  for (const t of f.locals) {
    const last = runs[runs.length - 1];
    if (last && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  const b = new Bytes().u32(runs.length);
  for (const [count, t] of runs) b.u32(count).byte(t);
  return b.bytes(f.body.toUint8Array()).byte(OP.end);
}
