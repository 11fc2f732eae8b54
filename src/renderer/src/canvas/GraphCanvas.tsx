// Placeholder until its owner lands the real component.
export function GraphCanvas() {
  return null;
}
