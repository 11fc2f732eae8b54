// The value an input node feeds the net (docs/graph-format.md, "Derived inputs"): its raw feature
// x_i, or x_i², sin x_i or x_i·x_j computed from the example's x.

import { KIND_INPUT, type Net } from './compile';
import { TRANSFORM_SIN, TRANSFORM_SQUARE } from './transforms';

export { TRANSFORM_CODE, TRANSFORM_NONE, TRANSFORM_SIN, TRANSFORM_SQUARE, transformCode } from './transforms';

/**
 * z of an input: x_i, x_i · x_i ("square"), sin x_i ("sin": fdlibm's sin, which V8's Math.sin is),
 * or x_i · x_j (times = j ≥ 0)
 */
export function inputValue(x: ArrayLike<number>, feature: number, transform: number, times: number): number {
  const xi = x[feature];
  if (times >= 0) return xi * x[times];
  if (transform === TRANSFORM_SQUARE) return xi * xi;
  if (transform === TRANSFORM_SIN) return Math.sin(xi);
  return xi;
}

/** the z of every input node for example x into out[p], p = the input's position among the net's inputs in node order (off inputs give 0) */
export function inputValues(net: Pick<Net, 'kind' | 'feature' | 'transform' | 'times' | 'nodeOff'>, x: ArrayLike<number>, out: Float64Array): void {
  let p = 0;
  for (let k = 0; k < net.kind.length; k++) {
    if (net.kind[k] !== KIND_INPUT) continue;
    out[p++] = net.nodeOff[k] !== 0 ? 0 : inputValue(x, net.feature[k], net.transform[k], net.times[k]);
  }
}
