// Placeholder until its owner lands the real component.
export function Palette() {
  return null;
}
