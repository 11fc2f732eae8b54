// A function's wasm locals, handed out as they are asked for: parameters first (indices 0…), then
// each local declared where an emitter allocates it, so no emitter numbers a local by hand.

import { F64, I32, V128, type ValType } from './wasmWriter';

export class Locals {
  private readonly declared: ValType[] = [];

  constructor(private readonly params: readonly ValType[]) {}

  /** the index of parameter `i` */
  param(i: number): number {
    if (!(i >= 0 && i < this.params.length)) throw new RangeError(`parameter ${i} outside 0..${this.params.length - 1}`);
    return i;
  }

  i32(): number {
    return this.add(I32);
  }

  f64(): number {
    return this.add(F64);
  }

  v128(): number {
    return this.add(V128);
  }

  /** `count` locals of one type, consecutive */
  many(type: ValType, count: number): number[] {
    return Array.from({ length: count }, () => this.add(type));
  }

  /** the locals beyond the parameters, in order (FuncDef.locals) */
  get types(): ValType[] {
    return [...this.declared];
  }

  private add(type: ValType): number {
    this.declared.push(type);
    return this.params.length + this.declared.length - 1;
  }
}
