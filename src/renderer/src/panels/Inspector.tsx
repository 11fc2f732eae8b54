// Placeholder until its owner lands the real component.
export function Inspector() {
  return null;
}
