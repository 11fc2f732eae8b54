import { LEVEL_OF_DETAIL } from './constants';

/**
 * (g) whether a node at this zoom shows its numbers and thumbnail: only where its numbers would be
 * at least 6 px on screen; below that it is drawn plain (its name, its activation, its handles)
 */
export function isReadable(zoom: number): boolean {
  return zoom * LEVEL_OF_DETAIL.numberPx >= LEVEL_OF_DETAIL.readablePx;
}
