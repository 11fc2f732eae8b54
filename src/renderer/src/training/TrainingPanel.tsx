// Placeholder until its owner lands the real component.
export function TrainingPanel() {
  return null;
}
