import type { InputNode } from '../../../engine/format/types';

// Derived inputs (graph-format.md, "Derived inputs"): an input computes one of TF Playground's
// features from the example's raw coordinates: x_i, x_i², sin x_i, or x_i·x_j. Written as the
// Playground writes them, numbered from 1: x₁ = x[0], x₂ = x[1].

/** what an input computes: its feature, and a transform or a second feature (or neither) */
export type InputExpression = Pick<InputNode, 'feature' | 'transform' | 'times'>;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** x with feature i's number (from 1) as a subscript: x₁ for feature 0 */
export function variable(feature: number): string {
  return `x${String(feature + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)])}`;
}

/** the formula an input computes: x₁, x₁², sin x₁, x₁x₂ */
export function expressionFormula(e: InputExpression): string {
  const x = variable(e.feature);
  if (e.transform === 'square') return `${x}²`;
  if (e.transform === 'sin') return `sin ${x}`;
  if (e.times !== undefined) return `${x}${variable(e.times)}`;
  return x;
}

/** the formula in words, for a title or a screen reader: "x₁ squared (feature 0, named x)" */
export function expressionMeaning(e: InputExpression, names: readonly string[] | undefined): string {
  const named = (i: number) => `${variable(i)} = feature ${i}${names?.[i] ? ` “${names[i]}”` : ''}`;
  const what =
    e.transform === 'square' ? `${variable(e.feature)} squared` : e.transform === 'sin' ? `the sine of ${variable(e.feature)}` : e.times !== undefined ? `${variable(e.feature)} times ${variable(e.times)}` : variable(e.feature);
  const used = e.times !== undefined && e.times !== e.feature ? [e.feature, e.times] : [e.feature];
  return `${what} (${used.map(named).join(', ')})`;
}

/** is this input derived (more than its raw feature)? */
export function isDerived(e: InputExpression): boolean {
  return e.transform !== undefined || e.times !== undefined;
}

/**
 * The expressions offered for `count` raw features, in TF Playground's order for two:
 * x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (each feature, each square, each product of two, each sine).
 */
export function expressionsFor(count: number): InputExpression[] {
  const n = Math.max(1, count);
  const features = Array.from({ length: n }, (_, i) => i);
  const products: InputExpression[] = [];
  for (const i of features) for (const j of features) if (j > i) products.push({ feature: i, times: j });
  return [
    ...features.map((feature) => ({ feature })),
    ...features.map((feature) => ({ feature, transform: 'square' as const })),
    ...products,
    ...features.map((feature) => ({ feature, transform: 'sin' as const })),
  ];
}

/** the same expression? (x₁x₂ and x₂x₁ are not: a file keeps which feature is `times`) */
export function sameExpression(a: InputExpression, b: InputExpression): boolean {
  return a.feature === b.feature && a.transform === b.transform && a.times === b.times;
}

/** a readable id for a new derived input, e.g. in_x_sq, in_sin_x, in_x_times_y (the store falls back to its own if taken) */
export function expressionId(e: InputExpression, names: readonly string[] | undefined): string {
  const safe = (i: number) => {
    const name = names?.[i] ?? `x${i}`;
    return /^[A-Za-z0-9_]+$/.test(name) ? name : `x${i}`;
  };
  if (e.transform === 'square') return `in_${safe(e.feature)}_sq`;
  if (e.transform === 'sin') return `in_sin_${safe(e.feature)}`;
  if (e.times !== undefined) return `in_${safe(e.feature)}_times_${safe(e.times)}`;
  return `in_${safe(e.feature)}`;
}
