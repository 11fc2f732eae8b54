// Placeholder until its owner lands the real component.
export function DataPlot() {
  return null;
}
