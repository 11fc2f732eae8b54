// Placeholder until its owner lands the real component.
export function LossChart() {
  return null;
}
