// Placeholder until its owner lands the real component.
export function FormulaInspector() {
  return null;
}
