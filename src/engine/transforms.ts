// The codes of a derived input's transform in a compiled net (compile.ts) and the kernel.

import type { InputNode, Transform } from './format/types';

export const TRANSFORM_NONE = 0;
export const TRANSFORM_SQUARE = 1;
export const TRANSFORM_SIN = 2;

export const TRANSFORM_CODE: Readonly<Record<Transform, number>> = { square: TRANSFORM_SQUARE, sin: TRANSFORM_SIN };

/** the transform code of an input node (TRANSFORM_NONE when it reads x_i as it is) */
export function transformCode(node: InputNode): number {
  return node.transform === undefined ? TRANSFORM_NONE : TRANSFORM_CODE[node.transform];
}
