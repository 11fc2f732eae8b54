// Placeholder until its owner lands the real component.
export function StepperPanel() {
  return null;
}
