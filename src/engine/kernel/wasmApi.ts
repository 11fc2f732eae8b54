// The few WebAssembly JS-API members the kernel uses, typed here because the engine compiles
// against plain ES2022 (no DOM lib, and @types/node declares only part of the namespace).

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export type WasmModule = object;
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

/** the host's WebAssembly, or null where there is none */
export function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return api ?? null;
}

export function requireWasm(): WasmApi {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available here');
  return api;
}
