// Placeholder until its owner lands the real component.
export function TopBar() {
  return null;
}
