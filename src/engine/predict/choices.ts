// The easier level: pick which of three values is right. The two wrong ones are the first two
// distinct slips of diagnose.ts (so a wrong pick has a diagnosis too), else simple fallbacks;
// their order is fixed per quantity (a hash of its key), so the same card always looks the same.

import { agrees } from './check';
import { mistakesFor } from './diagnose';
import type { Quantity } from './quantities';

export const CHOICE_COUNT = 3;

/** FNV-1a of the key: a deterministic, well-spread position for the right value */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** the right value and two wrong ones, none within tolerance of another, in a fixed order per quantity */
export function choicesFor(q: Quantity): number[] {
  const picked: number[] = [q.value];
  const fallbacks = [q.value * 2, q.value / 2, q.value + Math.max(q.scale, 0.1), q.value - Math.max(q.scale, 0.1)];
  const candidates = [...mistakesFor(q).map((m) => m.value), ...fallbacks];
  for (const c of candidates) {
    if (picked.length === CHOICE_COUNT) break;
    if (picked.every((p) => !agrees(q, c, p))) picked.push(c);
  }
  const at = hashOf(q.key) % CHOICE_COUNT;
  const wrong = picked.slice(1);
  return [...wrong.slice(0, at), q.value, ...wrong.slice(at)];
}
